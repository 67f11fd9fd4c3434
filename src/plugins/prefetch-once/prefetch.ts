/**
 * The client's prefetch helper (see index.ts): fetches a chunk at idle
 * priority so a later navigation finds it in the cache, once per URL for the
 * page's life, and not at all when the page has fetched it already.
 * Resolves whatever happens: a failed prefetch only means a slower click.
 */
const asked = new Set<string>();

function supportsPrefetch(): boolean {
  try {
    return document.createElement('link').relList.supports('prefetch');
  } catch {
    return false;
  }
}

let withLink: boolean | undefined;

/**
 * True when this page has fetched the file already: the route's own chunks, which a link to a page of the
 * same layout asks for again. Webpack removes a chunk's script element once it has run, so the resource
 * timing entry is what is left to tell.
 */
function alreadyFetched(url: string): boolean {
  if (typeof performance.getEntriesByName !== 'function') return false;
  return performance.getEntriesByName(new URL(url, document.baseURI).href, 'resource').length > 0;
}

/** Links waiting for an idle moment, and whether one is asked for. */
const waiting: HTMLLinkElement[] = [];
let flushAsked = false;

/**
 * How long one idle task may spend adding links. Adding a `<link rel=prefetch>` starts its request then and
 * there: 0.5-1.3 ms per link on a 2-core machine, and a walkthrough asks for 15-20 at once, so adding them in
 * one go was a 10-23 ms task (40-90 ms at Lighthouse's 4x slowdown, a long task of its own). In slices of
 * 4 ms, each task stays well under 50 ms even at 4x.
 */
export const SLICE_MS = 4;

function askForIdle(): void {
  if (flushAsked) return;
  flushAsked = true;
  // Each slice within two seconds at the latest, so a busy page still prefetches.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(appendWaiting, { timeout: 2000 });
  else setTimeout(appendWaiting, 50);
}

/** Adds waiting links for one slice (at least one link, so the queue always moves), then asks for the next idle moment. */
function appendWaiting(deadline?: IdleDeadline): void {
  flushAsked = false;
  const started = performance.now();
  const budget = Math.min(SLICE_MS, deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS);
  do {
    const link = waiting.shift();
    if (link) document.head.appendChild(link);
  } while (waiting.length > 0 && performance.now() - started < budget);
  if (waiting.length > 0) askForIdle();
}

/**
 * Links are added in the page's idle moments, not where they are asked for: the core asks from the callback
 * that sees links come into view, for every such link at once, right after hydration, and adding the
 * elements there was about a third of that task (~30 of 90-100 ms at Lighthouse's 4x slowdown on a
 * walkthrough).
 */
function addLink(link: HTMLLinkElement): void {
  waiting.push(link);
  askForIdle();
}

export default function prefetch(url: string): Promise<void> {
  if (typeof document === 'undefined' || asked.has(url)) return Promise.resolve();
  asked.add(url);
  if (alreadyFetched(url)) return Promise.resolve();
  return new Promise<void>((done) => {
    withLink ??= supportsPrefetch();
    if (withLink) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = url;
      link.onload = link.onerror = () => done();
      addLink(link);
    } else {
      // Without rel=prefetch (older Safari), a plain request fills the HTTP cache just the same.
      const request = new XMLHttpRequest();
      request.open('GET', url, true);
      request.withCredentials = true;
      request.onloadend = () => done();
      request.send();
    }
  });
}
