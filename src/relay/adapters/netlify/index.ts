/**
 * Netlify Functions (v2) entry. Deploy: create `netlify/functions/relay.ts`
 * with `export { default, config } from '../../src/relay/adapters/netlify';`.
 */
import { createServerlessRelay } from '../serverless';

let relay: ((req: Request) => Promise<Response>) | undefined;

/** Netlify sets x-nf-client-connection-ip; clients cannot override it. */
export default function handle(request: Request): Promise<Response> {
  relay ??= createServerlessRelay(process.env, ['x-nf-client-connection-ip']);
  return relay(request);
}

export const config = { path: '/api/relay' };
