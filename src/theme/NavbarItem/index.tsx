import { memo, type ComponentType } from 'react';
import NavbarItem from '@theme-original/NavbarItem';
import type { Props } from '@theme/NavbarItem';

/**
 * The theme's navbar item, rendered again only when its props change. The
 * navbar renders its items from the theme config, and it renders again right
 * after hydration (the phone menu learns the window's size), which rendered
 * every item and every entry of every dropdown again, unchanged: about 70 of
 * the 255 components in that commit on a walkthrough, inside the longest task
 * after load. An item's props are the config's values (the same each render),
 * so a shallow comparison lets them be; what an item reads from context (the
 * page it marks as active) still updates it.
 */
export default memo(NavbarItem as ComponentType<Props>);
