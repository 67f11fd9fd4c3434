import React, { memo, useCallback, useMemo } from 'react';
import clsx from 'clsx';
import { NavbarSecondaryMenuFiller, ThemeClassNames } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import DocSidebarItems from '@theme/DocSidebarItems';
import type { Props } from '@theme/DocSidebar/Mobile';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';

interface Menu {
  sidebar: readonly PropSidebarItem[];
  path: string;
}

/** The docs sidebar inside the phone menu; choosing a page (or a category that is one) closes the menu. */
function SidebarMenu({ menu }: { menu: Menu }): React.JSX.Element {
  const { toggle } = useNavbarMobileSidebar();
  // One function for the menu's life (toggle is stable): the items are memoised, and a new function on each
  // render here (the phone menu's state changes twice at load) rendered every item of the sidebar again.
  const onItemClick = useCallback(
    (item: PropSidebarItem) => {
      if (item.type === 'link' || (item.type === 'category' && item.href)) toggle();
    },
    [toggle],
  );
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems items={menu.sidebar} activePath={menu.path} level={1} onItemClick={onItemClick} />
    </ul>
  );
}

/**
 * The theme's phone sidebar, handing the menu its props as one object. The
 * menu filler memoises its props by sorting their keys with `localeCompare`,
 * and the first `localeCompare` on a page builds the browser's collator: about
 * 6 ms on this machine's Node, ~25 ms of the hydration task at Lighthouse's 4x
 * CPU slowdown, paid on every docs page to order two keys. With a single key
 * nothing is compared. The object is memoised, so the menu re-renders only when
 * the sidebar or the page changes, as before.
 */
function DocSidebarMobile({ sidebar, path }: Props): React.JSX.Element {
  const menu = useMemo<Menu>(() => ({ sidebar, path }), [sidebar, path]);
  return <NavbarSecondaryMenuFiller component={SidebarMenu} props={{ menu }} />;
}

export default memo(DocSidebarMobile);
