/**
 * Cloudflare Workers entry (module syntax). Deploy with wrangler:
 * `main = "src/relay/adapters/cloudflare/index.ts"`, a route for `/api/relay`,
 * and `[vars]` / secrets for RELAY_* and AGORA_* settings.
 */
import { createServerlessRelay } from '../serverless';

type Env = Record<string, string | undefined>;

// Workers hand settings in `env` per request, not process.env; one relay per env object.
const relays = new WeakMap<object, (req: Request) => Promise<Response>>();

export default {
  fetch(request: Request, env: Env = {}): Promise<Response> {
    let relay = relays.get(env);
    if (!relay) {
      // Cloudflare sets cf-connecting-ip; a client-sent copy is overwritten at the edge.
      relay = createServerlessRelay(env, ['cf-connecting-ip']);
      relays.set(env, relay);
    }
    return relay(request);
  },
};
