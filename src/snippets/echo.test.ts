/**
 * Round trip: every special-character fixture through every target, run for
 * real against an echo endpoint; what arrives must equal the ApiRequest byte
 * for byte (path parameters, query values, headers, credentials, body).
 */
import { authorizationHeader, base64, TOKEN_PREFIX, type ApiRequest } from '../request/apiRequest';
import { FIXTURES } from './fixtures';
import { secretEnv } from './testing/secretEnv';
import { generateSnippet, SNIPPET_TARGETS } from './index';
import { readableJson } from './quote/json';
import { echoHandler, type Echo } from './testing/echo';
import { assertPythonRequests, cleanUpSnippetFiles, describeRun, inParallel, runSnippet } from './testing/runSnippet';
import { serve } from './testing/server';
import type { SnippetTarget } from './types';

const PORT = 3140;
const BASE_PATH = '/echo-base';
// Credentials with characters a shell could expand; Agora's are hex, these prove nothing is re-read.
const ENV_VARS = { AGORA_CUSTOMER_ID: 'cust-$HOME-`id`', AGORA_CUSTOMER_SECRET: `se"cr'et!$1`, AGORA_TOKEN: 'tok$en`x`' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  await assertPythonRequests();
  server = await serve(echoHandler, PORT);
});
afterAll(async () => {
  await server?.close();
  cleanUpSnippetFiles();
});

/** Decode path parameters by matching the received path against the template. */
function decodePathParams(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]*)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(path);
  return match ? Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])) : null;
}

/** Split the query by hand (no `+`-as-space guessing), decoding each name and value. */
function decodeQuery(search: string): Array<[string, string]> {
  if (!search) return [];
  return search.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1))];
  });
}

function expectedAuthorization(request: ApiRequest, inline: ReturnType<typeof authorizationHeader> | undefined): string | undefined {
  if (request.auth === 'none') return undefined;
  if (inline) return inline;
  return request.auth === 'basic'
    ? `Basic ${base64(`${ENV_VARS.AGORA_CUSTOMER_ID}:${ENV_VARS.AGORA_CUSTOMER_SECRET}`)}`
    : `${TOKEN_PREFIX[request.auth]}${ENV_VARS.AGORA_TOKEN}`;
}

const cases = FIXTURES.flatMap((fixture) => SNIPPET_TARGETS.map((target) => ({ fixture, target })));

describe('special characters round-trip byte for byte', () => {
  it(`runs ${cases.length} snippets against an echo endpoint`, async () => {
    const runs = await inParallel(
      cases.map(({ fixture, target }) => async () => {
        const code = generateSnippet(target, fixture.request, { ...fixture.options, baseUrl: `${server.url}${BASE_PATH}` });
        return { fixture, target, run: await runSnippet(target, code, { ...ENV_VARS, ...secretEnv(fixture.request) }) };
      }),
    );
    for (const { fixture, target, run } of runs) checkEcho(fixture.request, fixture.options.credentials, target, run);
    console.log(`echo round trip: executed ${runs.length} snippets`);
  }, 120_000);
});

function checkEcho(
  request: ApiRequest,
  credentials: Parameters<typeof authorizationHeader>[0] | undefined,
  target: SnippetTarget,
  run: Awaited<ReturnType<typeof runSnippet>>,
): void {
  const context = `${request.operationId} / ${describeRun(target, run)}`;
  expect(run.exitCode, context).toBe(0);
  expect(run.status, context).toBe(200);
  const echo = JSON.parse(run.body) as Echo;
  expect(echo.method, context).toBe(request.method);

  const [path, search = ''] = echo.target.split('?');
  expect(path.startsWith(BASE_PATH), context).toBe(true);
  expect(decodePathParams(request.pathTemplate, path.slice(BASE_PATH.length)), context).toEqual(request.pathParams);
  const sentQuery = Object.entries(request.query).filter(([, value]) => value !== '');
  expect(decodeQuery(search), context).toEqual(sentQuery);

  for (const [name, value] of Object.entries(request.headers)) expect(echo.headers[name.toLowerCase()], context).toBe(value);
  if (!Object.keys(request.headers).some((name) => name.toLowerCase() === 'x-request-id')) {
    expect(echo.headers['x-request-id'], context).toMatch(UUID);
  }
  expect(echo.headers.authorization, context).toBe(
    expectedAuthorization(request, credentials ? authorizationHeader(credentials) : undefined),
  );

  if (request.body === undefined) {
    expect(echo.body, context).toBe('');
    return;
  }
  expect(echo.headers['content-type'], context).toBe('application/json');
  // Same value, same key order, every string byte for byte.
  expect(JSON.stringify(JSON.parse(echo.body)), context).toBe(JSON.stringify(request.body));
  if (target === 'curl') expect(echo.body, context).toBe(readableJson(request.body));
}
