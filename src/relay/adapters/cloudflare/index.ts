/**
 * Cloudflare Workers entry (module syntax) for the site's Fetch handler.
 * Deployed with wrangler.toml at the repository root: `npm run build && npx
 * wrangler deploy` bundles this module with scripts/bundle-worker.ts (which
 * precompiles the catalog's validators: Workers refuse `new Function`) and
 * serves build/ as static assets, this Worker answering /api/relay and /sandbox.
 * Settings (SITE_*, RELAY_*, SANDBOX_*) come from `[vars]` and secrets.
 */
import { createFetchSite, type FetchHandler } from '../../../site/fetch';
import { lazySite } from '../lazySite';

type Env = Record<string, string | undefined>;

// Workers hand settings in `env` per request, not process.env; one site per env object.
const sites = new WeakMap<object, FetchHandler>();

export default {
  /** Serve one request with the site built for this Worker's `env`. */
  fetch(request: Request, env: Env = {}): Promise<Response> {
    let site = sites.get(env);
    if (!site) {
      // Cloudflare sets cf-connecting-ip; a client-sent copy is overwritten at the edge.
      site = lazySite(() => createFetchSite({ env, relay: { clientIpHeaders: ['cf-connecting-ip'] } }));
      sites.set(env, site);
    }
    return site(request);
  },
};
