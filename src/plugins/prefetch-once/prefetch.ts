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

/** Links waiting for the next idle moment, and whether one is asked for. */
const waiting: HTMLLinkElement[] = [];
let flushAsked = false;

function appendWaiting(): void {
  flushAsked = false;
  const fragment = document.createDocumentFragment();
  for (const link of waiting.splice(0)) fragment.appendChild(link);
  document.head.appendChild(fragment);
}

/**
 * Links are added in the page's next idle moment, all at once, not where they are asked for: the core asks
 * from the callback that sees links come into view, for every such link at once, right after hydration, and
 * adding the elements there was about a third of that task (~30 of 90-100 ms at Lighthouse's 4x slowdown on a
 * walkthrough). Within two seconds at the latest, so a busy page still prefetches.
 */
function addLink(link: HTMLLinkElement): void {
  waiting.push(link);
  if (flushAsked) return;
  flushAsked = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(appendWaiting, { timeout: 2000 });
  else setTimeout(appendWaiting, 50);
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
