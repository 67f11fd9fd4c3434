/**
 * The site's route table, the one place that decides which part answers a
 * path: the relay, the sandbox or the static pages. Pure (no runtime imports),
 * so the Node listener and the Fetch handler share it, and so do their tests.
 */

/** Where the relay is served (README, "Relay contract"). */
export const RELAY_PATH = '/api/relay';

/** Where the sandbox is mounted; the relay hands it `environment: "sandbox"` calls under the same prefix. */
export const SANDBOX_BASE_PATH = '/sandbox';

/** The parts of the site a request can go to. */
export type Route = 'relay' | 'sandbox' | 'static';

/** Which part answers `pathname` (the path only, without the query string). */
export function route(pathname: string): Route {
  // A trailing slash is tolerated because proxies and platforms add one; nothing below the relay path exists.
  if (pathname === RELAY_PATH || pathname === `${RELAY_PATH}/`) return 'relay';
  if (pathname === SANDBOX_BASE_PATH || pathname.startsWith(`${SANDBOX_BASE_PATH}/`)) return 'sandbox';
  return 'static';
}

/** A complete answer without Fetch or node:http objects, so either form can write it. */
export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NOT_MOUNTED: Record<Exclude<Route, 'relay'>, { status: number; code: string; message: string }> = {
  sandbox: {
    status: 503,
    // Same code as the relay's own refusal, so a client handles both the same way.
    code: 'sandbox_unavailable',
    message: 'The sandbox is not mounted on this deployment. Run `npm start` or `npm run sandbox` locally to use it.',
  },
  static: {
    status: 404,
    code: 'not_found',
    message: `Nothing is served at this path on this deployment: it answers ${RELAY_PATH} and ${SANDBOX_BASE_PATH} only; the pages are served elsewhere.`,
  },
};

/** The answer for a route whose part this deployment does not mount (the relay is always mounted). */
export function notMounted(part: Exclude<Route, 'relay'>): PlainAnswer {
  const { status, code, message } = NOT_MOUNTED[part];
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ error: { code, message } }),
  };
}
