/**
 * The serverless entries build the site on their first request, so settings
 * are read at run time (not when a bundler evaluates the module). A setting
 * the site refuses (an unsafe RELAY_SERVER_CREDENTIALS, a bad SITE_HSTS)
 * would otherwise throw on every request and leave the platform's own error
 * page; here it becomes one JSON answer the tester can show, and the reason
 * goes to the platform's log, where the operator looks.
 */
import type { FetchHandler } from '../../site/fetch';

/** Code of the answer a deployment whose site could not be built gives. */
export const MISCONFIGURED = 'deployment_misconfigured';

function refusal(): Response {
  const message = 'This deployment could not start (invalid settings or a broken bundle), so it cannot answer. The site operator finds the reason in the platform function log.';
  return new Response(JSON.stringify({ error: { code: MISCONFIGURED, message } }), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `create()` on the first request; if it throws, log why once and answer every request with a JSON 500. */
export function lazySite(create: () => FetchHandler): FetchHandler {
  let site: FetchHandler | undefined;
  let failed = false;
  return (request) => {
    if (!site && !failed) {
      try {
        site = create();
      } catch (error) {
        failed = true;
        // The settings' own messages name the variable and never its secret values.
        console.error(`The site could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return site ? site(request) : Promise.resolve(refusal());
  };
}
