/**
 * Stands in for `src/sandbox/store/redis.ts` in the Worker bundle
 * (`scripts/bundle-worker.ts`). node-redis needs `node:net`, which Workers do
 * not have, and it would add ~200 KB that could never run; the site loads that
 * module only when SANDBOX_STORE is a redis:// URL, so on a Worker that setting
 * fails here, on first use: visitors get the sandbox's 503
 * `sandbox_store_unavailable`, the operator this message in `wrangler tail`.
 */

/** Message of the error a redis:// SANDBOX_STORE gets on Cloudflare Workers. */
export const NO_REDIS_ON_WORKERS =
  "SANDBOX_STORE=redis://… needs a TCP connection, which Cloudflare Workers do not offer: use Redis over REST instead (SANDBOX_STORE=https://<your-db>.upstash.io and the secret SANDBOX_STORE_TOKEN), or leave SANDBOX_STORE unset to keep sandbox state per Worker isolate.";

let logged = false;

/** Same signature as the Node module's `createRedisStore`; always throws NO_REDIS_ON_WORKERS (and logs it once). */
export function createRedisStore(_url: string, _options?: { prefix?: string }): never {
  // The sandbox turns the failure into a 503 that names no setting's value; the reason goes to the Worker's log.
  if (!logged) console.error(NO_REDIS_ON_WORKERS);
  logged = true;
  throw new Error(NO_REDIS_ON_WORKERS);
}
