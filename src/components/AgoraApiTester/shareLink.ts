/**
 * The share link's envelope (`#try=1.<base64url JSON>`), without the tester:
 * the page reads it before any tester has loaded, to load at once the one a
 * link opens (index.tsx). share.ts builds and checks the request inside.
 */

export const SHARE_VERSION = 1;
export const SHARE_PREFIX = 'try=';

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** A share link's payload (`#try=1.…` or `try=1.…`), unchecked; null when the hash is no share link or is damaged. */
export function sharePayload(hash: string): Record<string, unknown> | null {
  const text = hash.replace(/^#/, '');
  if (!text.startsWith(SHARE_PREFIX)) return null;
  const [version, data] = text.slice(SHARE_PREFIX.length).split('.', 2);
  if (version !== String(SHARE_VERSION) || !data) return null;
  try {
    const payload: unknown = JSON.parse(fromBase64Url(data));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The operation a share link opens, or undefined. */
export function sharedOperationId(hash: string): string | undefined {
  const id = sharePayload(hash)?.o;
  return typeof id === 'string' ? id : undefined;
}

/** An island's `addressedBy` for the tester of `endpoint` (or anything holding it): true when a share link opens that tester. */
export function opensTester(endpoint: string): (hash: string) => boolean {
  return (hash) => sharedOperationId(hash) === endpoint;
}
