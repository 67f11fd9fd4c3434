import { sharedOperationId } from '../AgoraApiTester/shareLink';

/**
 * Where a link into a family page's old section should go: `#start-recording`
 * to that operation's page; a share link (`#try=1.…`) whose operation is in
 * the family to that page with the same hash, so its tester opens with the
 * shared request. Undefined for any other hash (the page's own anchors).
 */
export function movedTarget(hash: string, pages: Readonly<Record<string, string>>): string | undefined {
  const shared = sharedOperationId(hash);
  if (shared) return Object.hasOwn(pages, shared) ? `${pages[shared]}${hash}` : undefined;
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  return Object.hasOwn(pages, id) ? pages[id] : undefined;
}
