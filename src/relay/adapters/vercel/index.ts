/**
 * Vercel Function entry (Web signature) for the site's Fetch handler. Deploy:
 * create `api/relay.ts` with `export { POST, OPTIONS } from '../src/relay/adapters/vercel';`.
 */
import { createFetchSite, type FetchHandler } from '../../../site/fetch';

let site: FetchHandler | undefined;

/** Serve one request; the site is built on the first call so settings are read at runtime, not at build time. */
export function handle(request: Request): Promise<Response> {
  // Vercel sets x-real-ip / x-forwarded-for itself, so they can key the rate limit.
  site ??= createFetchSite({ env: process.env, relay: { clientIpHeaders: ['x-real-ip', 'x-forwarded-for'] } });
  return site(request);
}

export const POST = handle;
export const OPTIONS = handle;
