import { arrivedFromSearch, isMacPlatform, isSearchShortcut, shortcutHints } from './intent';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('search box intent', () => {
  it('Ctrl+K opens search elsewhere, Cmd+K on a Mac, and nothing else does', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('K', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k', { metaKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('k', { metaKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
  });

  it('shows the same hints as the plugin', () => {
    expect(shortcutHints(false)).toEqual(['ctrl', 'K']);
    expect(shortcutHints(true)).toEqual(['⌘', 'K']);
  });

  it('loads at once on a page opened from a search result', () => {
    expect(arrivedFromSearch('?_highlight=cloud&_highlight=player')).toBe(true);
    expect(arrivedFromSearch('?q=cloud')).toBe(false);
    expect(arrivedFromSearch('')).toBe(false);
  });

  it('recognises a Mac as the plugin does', () => {
    expect(isMacPlatform({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)', platform: '' })).toBe(true);
    expect(isMacPlatform({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', platform: 'Linux' })).toBe(false);
    expect(isMacPlatform({ userAgent: 'x', platform: 'x', userAgentData: { platform: 'macOS' } })).toBe(true);
  });
});
