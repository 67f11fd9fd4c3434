/**
 * Cloudflare Workers entry (module syntax) for the site's Fetch handler.
 * Deploy with wrangler: `main = "src/relay/adapters/cloudflare/index.ts"`, a
 * route for `/api/relay` (and `/sandbox*` to expose the sandbox too), and
 * `[vars]` / secrets for RELAY_* and AGORA_* settings.
 */
import { createFetchSite, type FetchHandler } from '../../../site/fetch';

type Env = Record<string, string | undefined>;

// Workers hand settings in `env` per request, not process.env; one site per env object.
const sites = new WeakMap<object, FetchHandler>();

export default {
  /** Serve one request with the site built for this Worker's `env`. */
  fetch(request: Request, env: Env = {}): Promise<Response> {
    let site = sites.get(env);
    if (!site) {
      // Cloudflare sets cf-connecting-ip; a client-sent copy is overwritten at the edge.
      site = createFetchSite({ env, relay: { clientIpHeaders: ['cf-connecting-ip'] } });
      sites.set(env, site);
    }
    return site(request);
  },
};
