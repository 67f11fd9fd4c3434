/**
 * Netlify Functions (v2) entry for the site's Fetch handler. Deployed by
 * netlify.toml at the repository root through `netlify/functions/site.ts`,
 * which re-exports this handler and declares `config` itself (Netlify reads a
 * function's `config` from its own source file, not through a re-export).
 */
import { createFetchSite } from '../../../site/fetch';
import { lazySite } from '../lazySite';

/** Serve one request; the site is built on the first call so settings are read at runtime. */
const handle = lazySite(() =>
  // Netlify sets x-nf-client-connection-ip; clients cannot override it.
  createFetchSite({ env: process.env, relay: { clientIpHeaders: ['x-nf-client-connection-ip'] } }),
);
export default handle;

/** The paths the function answers (Netlify's `config.path`): the relay and the whole sandbox. */
export const config = { path: ['/api/relay', '/sandbox', '/sandbox/*'] };
