/**
 * Vercel Function entry for the site's Fetch handler (relay on /api/relay,
 * sandbox on /sandbox). Deployed through scripts/bundle-vercel.ts (run by
 * vercel.json's build command), which bundles this module into one Vercel
 * Function in Build Output API form: Vercel's own TypeScript build leaves this
 * code's extensionless ESM imports and its JSON import for Node to choke on.
 * The bundle exports the Node listener (the default export); the method exports
 * serve the same site to runtimes that call `(Request) => Response` per method.
 */
import { toNodeListener } from '../../../adapters/node/listener';
import { createFetchSite } from '../../../site/fetch';
import { lazySite } from '../lazySite';

/** Serve one request; the site is built on the first call so settings are read at runtime, not at build time. */
export const handle = lazySite(() =>
  // Vercel sets x-real-ip / x-forwarded-for itself, so they can key the rate limits.
  createFetchSite({ env: process.env, relay: { clientIpHeaders: ['x-real-ip', 'x-forwarded-for'] } }),
);

// /sandbox takes every method Agora's API uses; the relay takes POST and its preflight.
export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;

/** The same site as a node:http `(req, res)` handler: what the Vercel Function runs. */
export default toNodeListener(handle);
