/**
 * The catalog as a Postman collection (format v2.1.0) with a Sandbox and a
 * Live environment. Pure: it takes operation models and returns plain data;
 * `./index.ts` feeds it the real catalog and `scripts/build-catalog.ts` writes
 * the files to `static/postman/`.
 *
 * Every request is the tester's fresh request (`defaultRequest`: the catalog's
 * examples and defaults) with what must not be a value turned into a variable:
 * credentials (collection-level auth), the App ID, secret body fields
 * (`x-secret`, via `redactSecrets`) and chained ids (`valueFrom`), which the
 * producing call's test script stores, so running the collection in order
 * works (acquire -> start -> query -> stop).
 */
import { familyPath, type FamilyInfo } from '../catalog/model';
import type { OperationModel, ParamModel, ServerModel } from '../catalog/types';
import { resolvePath, type ApiRequest } from '../request/apiRequest';
import { defaultRequest } from '../request/build';
import { redactSecrets, secretsPresent, type SecretPath } from '../request/secrets';
import {
  COLLECTION_SCHEMA,
  type PostmanAuth,
  type PostmanCollection,
  type PostmanEnvironment,
  type PostmanFolder,
  type PostmanKeyValue,
  type PostmanRequestItem,
  type PostmanResponse,
  type PostmanScript,
  type PostmanVariable,
} from './format';

/** Hold `operationId` until `ms` after `after` answered (e.g. stop until the recording has run). */
export interface Pause {
  operationId: string;
  after: string;
  ms: number;
  /** One sentence for the script's comment and the request's description. */
  why: string;
}

export interface PostmanOptions {
  /** Absolute origin of the docs site, for the links to reference sections. */
  siteUrl: string;
  /** The Sandbox environment's base URL (the site's `/sandbox`). */
  sandboxBaseUrl: string;
  /** The Live environment's base URL (Agora's primary host). */
  liveBaseUrl: string;
  /** Parameter (and top-level body field) names that carry the App ID. */
  appIdNames: readonly string[];
  /** The sandbox's public demo credentials and App ID (the Sandbox environment's values). */
  demo: { customerId: string; customerSecret: string; token: string; appId: string };
  /** Every catalog host, listed in the collection's description for Live. */
  servers: readonly ServerModel[];
  pauses?: readonly Pause[];
}

export interface PostmanFiles {
  collection: PostmanCollection;
  sandbox: PostmanEnvironment;
  live: PostmanEnvironment;
}

export type FamilyOperations = FamilyInfo & { operations: OperationModel[] };

/** `player.id` -> `playerId`, `start-recording` -> `startRecording`: Postman variable names. */
export function variableName(text: string): string {
  return text
    .split(/[.\-_\s]+/)
    .filter(Boolean)
    .map((part, i) => (i === 0 ? part.charAt(0).toLowerCase() + part.slice(1) : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/** A secret's variable: the snippets' environment variable without `AGORA_` (`AGORA_STORAGE_SECRET_KEY` -> `storageSecretKey`). */
export function secretVariable(secret: Pick<SecretPath, 'env'>): string {
  return variableName(secret.env.replace(/^AGORA_/, '').toLowerCase());
}

/** The collection variable a chained parameter reads (`resourceId`, `sid`, `playerId`). */
export function chainVariable(param: ParamModel): string | undefined {
  return param.valueFrom ? variableName(param.valueFrom.field) : undefined;
}

const ref = (name: string) => `{{${name}}}`;
const startedAt = (pause: Pause) => `${variableName(pause.after)}At`;

/** The request the tester would send, with credentials-like values as Postman variables. */
function templated(op: OperationModel, options: PostmanOptions): ApiRequest {
  const request = redactSecrets(defaultRequest(op), op, (secret) => ref(secretVariable(secret)));
  const swap = (params: ParamModel[], values: Record<string, string>) => {
    const out = { ...values };
    for (const param of params) {
      const chained = chainVariable(param);
      if (chained) out[param.name] = ref(chained);
      else if (options.appIdNames.includes(param.name) && out[param.name]) out[param.name] = ref('appId');
    }
    return out;
  };
  let body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    body = { ...body };
    for (const name of options.appIdNames) {
      if (typeof (body as Record<string, unknown>)[name] === 'string') (body as Record<string, unknown>)[name] = ref('appId');
    }
  }
  return { ...request, pathParams: swap(op.pathParams, request.pathParams), query: swap(op.queryParams, request.query), body };
}

/**
 * A literal path value encoded by the one path rule (`resolvePath`: one
 * segment, `.` and `..` refused); a `{{variable}}` is left for Postman to fill.
 */
function pathValue(name: string, value: string): string {
  if (/^\{\{[^}]+\}\}$/.test(value)) return value;
  return resolvePath(`{${name}}`, { [name]: value });
}

function url(op: OperationModel, request: ApiRequest): PostmanRequestItem['request']['url'] {
  // Postman writes path parameters as `:name` segments and fills them from `variable`.
  const path = op.path.split('/').filter(Boolean).map((segment) => segment.replace(/^\{([^}]+)\}$/, ':$1'));
  const variable = op.pathParams.map((param) => ({
    key: param.name,
    value: pathValue(param.name, request.pathParams[param.name] ?? ''),
    description: param.description,
  }));
  // Declared but empty query parameters are listed switched off, so they can be found and turned on.
  const query: PostmanKeyValue[] = op.queryParams.map((param) => {
    const value = request.query[param.name];
    return value === undefined
      ? { key: param.name, value: '', description: param.description, disabled: true }
      : { key: param.name, value, description: param.description };
  });
  // `raw` is what Postman shows; like Postman's own, it is unencoded (Postman encodes when it sends).
  const enabled = query.filter((item) => !item.disabled).map((item) => `${item.key}=${item.value}`);
  const raw = `${ref('baseUrl')}/${path.join('/')}${enabled.length ? `?${enabled.join('&')}` : ''}`;
  return { raw, host: [ref('baseUrl')], path, ...(query.length ? { query } : {}), ...(variable.length ? { variable } : {}) };
}

function headers(op: OperationModel, request: ApiRequest): PostmanKeyValue[] {
  const out: PostmanKeyValue[] = [];
  const has = (name: string) => out.some((header) => header.key.toLowerCase() === name.toLowerCase());
  for (const [key, value] of Object.entries(request.headers)) {
    const param = op.headerParams.find((p) => p.name === key);
    out.push({ key, value, ...(param?.description ? { description: param.description } : {}) });
  }
  if (request.body !== undefined && !has('content-type')) out.push({ key: 'Content-Type', value: 'application/json' });
  // As the snippets do: every call carries its own request id, which Agora's support can trace.
  if (!has('x-request-id')) out.push({ key: 'X-Request-ID', value: '{{$guid}}', description: 'A new UUID per request (Postman fills it).' });
  return out;
}

function authFor(op: OperationModel): PostmanAuth | undefined {
  const scheme = op.security[0];
  if (scheme === 'bearer') return { type: 'bearer', bearer: [{ key: 'token', value: ref('token'), type: 'string' }] };
  // Basic is the collection's own auth; a request that accepts it (Conversational AI takes an
  // `agora token=` RTC token or Basic) inherits it by having none.
  return op.security.includes('basic') ? undefined : { type: 'noauth' };
}

function description(op: OperationModel, options: PostmanOptions, pause: Pause | undefined): string {
  const parts = [op.description];
  if (op.sandboxNote) parts.push(`**In the sandbox:** ${op.sandboxNote}.`);
  if (pause) parts.push(`**Waits** until ${pause.ms / 1000} s after ${pause.after}: ${pause.why}`);
  parts.push(`[${op.summary} in the API reference](${options.siteUrl}${op.referencePath})`);
  return parts.filter(Boolean).join('\n\n');
}

function scripts(op: OperationModel, producers: Map<string, Array<{ field: string; variable: string }>>, pauses: readonly Pause[]): PostmanScript[] {
  const test = [
    `pm.test(${JSON.stringify(`${op.summary}: answers 2xx`)}, function () {`,
    '  pm.expect(pm.response.code).to.be.within(200, 299);',
    '});',
  ];
  for (const { field, variable } of producers.get(op.id) ?? []) {
    test.push(
      `pm.test(${JSON.stringify(`stores ${field} in the ${variable} variable`)}, function () {`,
      `  const value = ${JSON.stringify(field.split('.'))}.reduce(function (node, key) { return node == null ? undefined : node[key]; }, pm.response.json());`,
      "  pm.expect(typeof value === 'string' || typeof value === 'number', 'the answer carries the value').to.equal(true);",
      `  pm.collectionVariables.set(${JSON.stringify(variable)}, String(value));`,
      '});',
    );
  }
  for (const pause of pauses.filter((p) => p.after === op.id)) {
    test.push(`pm.collectionVariables.set(${JSON.stringify(startedAt(pause))}, String(Date.now()));`);
  }
  const events: PostmanScript[] = [];
  const pause = pauses.find((p) => p.operationId === op.id);
  if (pause) {
    events.push({
      listen: 'prerequest',
      script: {
        type: 'text/javascript',
        exec: [
          `// ${pause.why}`,
          `const wait = Number(pm.collectionVariables.get(${JSON.stringify(startedAt(pause))}) || 0) + ${pause.ms} - Date.now();`,
          'if (wait > 0) setTimeout(function () {}, wait);',
        ],
      },
    });
  }
  events.push({ listen: 'test', script: { type: 'text/javascript', exec: test } });
  return events;
}

/** The catalog's first success example, saved with the request so Postman shows what comes back. */
function examples(op: OperationModel): PostmanResponse[] {
  const success = op.responses.find((response) => response.status >= 200 && response.status < 300 && response.example !== undefined);
  if (!success) return [];
  return [
    {
      name: success.examples?.[0]?.summary ?? `${success.status} ${success.description.split('\n')[0]}`.slice(0, 80),
      status: success.status === 200 ? 'OK' : String(success.status),
      code: success.status,
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: JSON.stringify(success.example, null, 2),
      _postman_previewlanguage: 'json',
    },
  ];
}

function item(op: OperationModel, options: PostmanOptions, producers: Map<string, Array<{ field: string; variable: string }>>): PostmanRequestItem {
  const request = templated(op, options);
  const auth = authFor(op);
  const pauses = options.pauses ?? [];
  return {
    id: op.id,
    name: op.summary,
    request: {
      method: op.method,
      header: headers(op, request),
      url: url(op, request),
      description: description(op, options, pauses.find((p) => p.operationId === op.id)),
      ...(request.body !== undefined ? { body: { mode: 'raw' as const, raw: JSON.stringify(request.body, null, 2), options: { raw: { language: 'json' as const } } } } : {}),
      ...(auth ? { auth } : {}),
    },
    event: scripts(op, producers, pauses),
    response: examples(op),
  };
}

/** Which call stores which value: from the `valueFrom` of the parameters that need it. */
function chainProducers(operations: OperationModel[]): Map<string, Array<{ field: string; variable: string }>> {
  const producers = new Map<string, Array<{ field: string; variable: string }>>();
  for (const param of operations.flatMap((op) => op.params)) {
    const variable = chainVariable(param);
    if (!param.valueFrom || !variable) continue;
    const list = producers.get(param.valueFrom.operationId) ?? [];
    if (!list.some((entry) => entry.variable === variable)) list.push({ field: param.valueFrom.field, variable });
    producers.set(param.valueFrom.operationId, list);
  }
  return producers;
}

/** A secret's value in the catalog's example request (the Sandbox environment's value). */
function exampleSecret(request: ApiRequest, secret: SecretPath): string {
  if (secret.in !== 'body') return (secret.in === 'path' ? request.pathParams : secret.in === 'query' ? request.query : request.headers)[secret.name] ?? '';
  let node: unknown = request.body;
  // An array step (`ITEMS`) takes the first item: the example's value stands for all.
  for (const key of secret.path) node = Array.isArray(node) ? node[0] : node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

function collectionDescription(options: PostmanOptions): string {
  const primaries = options.servers.filter((server) => server.role === 'primary').map((server) => `\`${server.url}\`: ${server.label}`);
  const regional = options.servers.filter((server) => server.role === 'regional').map((server) => `\`${server.host}\``);
  return [
    'The Agora REST calls documented on this site, generated from the same OpenAPI catalog as the interactive testers.',
    `Pick an environment: **Agora Sandbox** calls the offline sandbox (\`${options.sandboxBaseUrl}\` under \`npm start\` or \`npm run serve\`; set \`baseUrl\` to your site's origin + \`/sandbox\`) with its public demo credentials; **Agora Live** calls Agora (\`${options.liveBaseUrl}\`): fill in \`customerId\`, \`customerSecret\` (Agora Console > RESTful API) and \`appId\`.`,
    `Hosts for \`baseUrl\` in Live: ${primaries.join('; ')}. Regional: ${regional.join(', ')}.`,
    'Run a folder in order: acquire, start and create store the ids (`resourceId`, `sid`, `playerId`) the later calls use. Credentials and secret body fields are variables; keep their values in an environment, never in the collection.',
    `API reference: ${options.siteUrl}/docs/reference`,
  ].join('\n\n');
}

/** The collection and its two environments. */
export function postmanFiles(families: readonly FamilyOperations[], options: PostmanOptions): PostmanFiles {
  const operations = families.flatMap((family) => family.operations);
  const producers = chainProducers(operations);
  const folders: PostmanFolder[] = families.map((family) => ({
    name: family.title,
    description: `${family.description}\n\n[${family.title} in the API reference](${options.siteUrl}${familyPath(family.page)})`,
    item: family.operations.map((op) => item(op, options, producers)),
  }));

  const chained: PostmanVariable[] = [...producers.entries()].flatMap(([from, list]) =>
    list.map(({ field, variable }) => ({ key: variable, value: '', description: `Set by ${from} (its \`${field}\`).` })),
  );
  const timers: PostmanVariable[] = (options.pauses ?? []).map((pause) => ({ key: startedAt(pause), value: '', description: `When ${pause.after} answered (ms), for ${pause.operationId}'s wait.` }));

  // Secret fields the examples fill; each becomes a variable with the example as its sandbox value.
  const secrets = new Map<string, string>();
  for (const op of operations) {
    const request = defaultRequest(op);
    for (const secret of secretsPresent(request, op)) if (!secrets.has(secretVariable(secret))) secrets.set(secretVariable(secret), exampleSecret(request, secret));
  }

  const environment = (id: string, name: string, values: Record<string, string>, baseUrl: string): PostmanEnvironment => ({
    id,
    name,
    values: [
      { key: 'baseUrl', value: baseUrl, type: 'default', enabled: true },
      { key: 'appId', value: values.appId ?? '', type: 'default', enabled: true },
      ...(['customerId', 'customerSecret', 'token'] as const).map((key) => ({ key, value: values[key] ?? '', type: 'secret' as const, enabled: true as const })),
      ...[...secrets.keys()].map((key) => ({ key, value: values[key] ?? '', type: 'secret' as const, enabled: true as const })),
    ],
    _postman_variable_scope: 'environment',
  });

  return {
    collection: {
      info: { _postman_id: '4f6b2a10-7c3e-4d8a-9b1e-a60a0c0de001', name: 'Agora REST API', description: collectionDescription(options), schema: COLLECTION_SCHEMA },
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: ref('customerId'), type: 'string' },
          { key: 'password', value: ref('customerSecret'), type: 'string' },
        ],
      },
      variable: [...chained, ...timers],
      item: folders,
    },
    sandbox: environment('4f6b2a10-7c3e-4d8a-9b1e-a60a0c0de002', 'Agora Sandbox', { ...options.demo, ...Object.fromEntries(secrets) }, options.sandboxBaseUrl),
    // Live carries names only: every credential and secret is left for the reader to fill.
    live: environment('4f6b2a10-7c3e-4d8a-9b1e-a60a0c0de003', 'Agora Live', {}, options.liveBaseUrl),
  };
}
