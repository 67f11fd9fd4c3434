/**
 * When the search box's real code (the search plugin's SearchBar with lunr,
 * its language packs and mark.js, about a quarter of the site's main bundle)
 * has to be there. Until then the page shows a box that looks the same and
 * costs nothing.
 */

/** The plugin's default shortcut (`mod+k`): Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, isMac: boolean): boolean {
  if (event.key?.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return false;
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** The keys the plugin shows beside the box for that shortcut. */
export function shortcutHints(isMac: boolean): string[] {
  return [isMac ? '⌘' : 'ctrl', 'K'];
}

/**
 * A page opened from a search result carries `_highlight` terms, which the
 * plugin marks in the article as soon as it runs: it loads at once then.
 */
export function arrivedFromSearch(search: string): boolean {
  return new URLSearchParams(search).has('_highlight');
}

/** Same test as the plugin's, so the hints match what it would show. */
export function isMacPlatform(nav: Pick<Navigator, 'userAgent' | 'platform'> & { userAgentData?: { platform?: string } }): boolean {
  const platform = nav.userAgentData?.platform ?? nav.userAgent ?? nav.platform ?? '';
  return /mac/i.test(platform);
}
