// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS } from './prefetch';

/** A fresh copy of the helper (its memory of asked URLs is per page life, so per module instance). */
async function freshPrefetch() {
  vi.resetModules();
  // jsdom knows no link relations; Chromium and Firefox support rel=prefetch.
  Object.defineProperty(DOMTokenList.prototype, 'supports', { configurable: true, value: (token: string) => token === 'prefetch' });
  return (await import('./prefetch')).default;
}

const links = () => Array.from(document.head.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]'), (link) => link.getAttribute('href'));

/** jsdom has no requestIdleCallback: the helper falls back to a timer, which these tests run. */
const idle = () => vi.runOnlyPendingTimersAsync();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('prefetch (once per URL)', () => {
  it('adds one prefetch link per URL however many routes ask for it, and resolves when it loads or fails', async () => {
    const prefetch = await freshPrefetch();
    vi.useFakeTimers();
    const asks = ['/assets/js/layout.js', '/assets/js/a.js', '/assets/js/layout.js', '/assets/js/b.js', '/assets/js/layout.js'].map((url) => prefetch(url));
    // Added in the next idle moment, not while the core's callback runs.
    expect(links()).toEqual([]);
    await idle();
    expect(links()).toEqual(['/assets/js/layout.js', '/assets/js/a.js', '/assets/js/b.js']);
    const [first, second] = Array.from(document.head.querySelectorAll('link'));
    first.dispatchEvent(new Event('load'));
    second.dispatchEvent(new Event('error'));
    document.head.querySelectorAll('link')[2].dispatchEvent(new Event('load'));
    await expect(Promise.all(asks)).resolves.toHaveLength(5);
  });

  it('skips a file this page has fetched already', async () => {
    const prefetch = await freshPrefetch();
    vi.useFakeTimers();
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name: string) => (name === new URL('/assets/js/layout.js', document.baseURI).href ? [{ name } as PerformanceEntry] : []));
    await prefetch('/assets/js/layout.js');
    void prefetch('/assets/js/other.js');
    await idle();
    expect(links()).toEqual(['/assets/js/other.js']);
  });

  it('adds many links in slices of a few milliseconds, one idle moment each, at least one link per slice', async () => {
    const prefetch = await freshPrefetch();
    vi.useFakeTimers();
    // Each read of the clock is 1.5 ms later: a slice adds links until SLICE_MS (4 ms) have passed.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1.5));
    const urls = Array.from({ length: 7 }, (_, index) => `/assets/js/route-${index}.js`);
    urls.forEach((url) => void prefetch(url));
    const perSlice = Math.ceil(SLICE_MS / 1.5);
    await idle();
    expect(links()).toEqual(urls.slice(0, perSlice));
    await idle();
    expect(links()).toEqual(urls.slice(0, 2 * perSlice));
    await idle();
    expect(links()).toEqual(urls);
  });

  it('takes only what the idle moment has left, and still adds one link when it has nothing left', async () => {
    const prefetch = await freshPrefetch();
    const callbacks: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => callbacks.push(callback));
    ['/a.js', '/b.js', '/c.js'].forEach((url) => void prefetch(url));
    expect(callbacks).toHaveLength(1);
    const spent = { didTimeout: false, timeRemaining: () => 0 };
    callbacks.shift()!(spent);
    expect(links()).toEqual(['/a.js']);
    expect(callbacks).toHaveLength(1);
    callbacks.shift()!(spent);
    callbacks.shift()!(spent);
    expect(links()).toEqual(['/a.js', '/b.js', '/c.js']);
    expect(callbacks).toHaveLength(0);
  });
});
