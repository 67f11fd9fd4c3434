/**
 * Netlify Functions (v2) entry for the site's Fetch handler. Deploy: create
 * `netlify/functions/relay.ts` with
 * `export { default, config } from '../../src/relay/adapters/netlify';`.
 */
import { createFetchSite, type FetchHandler } from '../../../site/fetch';

let site: FetchHandler | undefined;

/** Serve one request; the site is built on the first call so settings are read at runtime. */
export default function handle(request: Request): Promise<Response> {
  // Netlify sets x-nf-client-connection-ip; clients cannot override it.
  site ??= createFetchSite({ env: process.env, relay: { clientIpHeaders: ['x-nf-client-connection-ip'] } });
  return site(request);
}

export const config = { path: '/api/relay' };
