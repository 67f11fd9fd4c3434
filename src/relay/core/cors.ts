/** CORS for configured site origins only; same-origin calls never need it. */

/**
 * Same origin when the Origin's host (with port) is the host the request was
 * addressed to. The scheme is not compared because a TLS-terminating proxy in
 * front of the Node server makes the request URL `http:` while the page is `https:`.
 */
export function isSameOrigin(origin: string, hostHeader: string | null, url: string): boolean {
  try {
    const originHost = new URL(origin).host;
    return originHost === (hostHeader ?? '') || originHost === new URL(url).host;
  } catch {
    return false;
  }
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'X-Request-ID, X-Resource-ID, Retry-After',
    vary: 'Origin',
  };
}

/** Added to a preflight answer for an allowed origin. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
};
