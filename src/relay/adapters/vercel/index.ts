/**
 * Vercel Function entry (Web signature). Deploy: create `api/relay.ts` with
 * `export { POST, OPTIONS } from '../src/relay/adapters/vercel';`.
 */
import { createServerlessRelay } from '../serverless';

let relay: ((req: Request) => Promise<Response>) | undefined;

/** Vercel sets x-real-ip / x-forwarded-for itself; built on first call so env is read at runtime. */
export function handle(request: Request): Promise<Response> {
  relay ??= createServerlessRelay(process.env, ['x-real-ip', 'x-forwarded-for']);
  return relay(request);
}

export const POST = handle;
export const OPTIONS = handle;
