import { useEffect, useRef } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { movedTarget } from './moved';

export interface MovedSectionsProps {
  /** Operation id -> its own page (`referencePath`). */
  pages: Readonly<Record<string, string>>;
}

/**
 * Family pages once held every operation's section, and links to them
 * (bookmarks, answers elsewhere, share links) still arrive here: such a reader
 * is sent on to the operation's page (moved.ts). Replaces the history entry,
 * so Back does not bounce through the family page. Renders nothing.
 */
export default function MovedSections({ pages }: MovedSectionsProps): null {
  const { hash, key } = useLocation();
  const history = useHistory();
  // The page's MDX passes a new `pages` object on every render, and this page renders again while the
  // router loads the target: keyed on it, the effect would send the reader on again and again.
  const latest = useRef(pages);
  latest.current = pages;
  useEffect(() => {
    const target = movedTarget(hash, latest.current);
    if (target) history.replace(target);
  }, [hash, key, history]);
  return null;
}
