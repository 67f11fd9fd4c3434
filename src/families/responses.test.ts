/**
 * Every sandbox answer is one the catalog documents: for each catalog
 * operation, the in-process sandbox is driven through its success case and a
 * fixed set of error cases, and each answer's status must be documented for
 * the operation (exactly, by a range such as `4XX`, or by `default`) and its
 * body must validate against that response's schema (the one Ajv set-up,
 * `src/catalog/ajv.ts`).
 *
 * Which answers are enforced:
 * - the engine's own answers every family shares (401 without or with wrong
 *   credentials, 404 for a path no operation has): for every family;
 * - everything else: for families whose `conformance.yaml` says `enforced`
 *   (the gate `conformance.test.ts` uses) and for the guide, whose calls are
 *   not Agora's and are held to their own catalog part;
 * - `pending` families: counted and logged, one line per family, not failed,
 *   so the log shows how far each one is.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import { catalogDocument, getOperation, listOperations, matchOperation } from '../catalog';
import { compileSchema } from '../catalog/ajv';
import type { RawResponse } from '../catalog/document';
import { deref } from '../catalog/resolve';
import type { JsonSchema, OperationModel, ParamModel } from '../catalog/types';
import { bodyIssues, paramIssues } from '../catalog/validate';
import { fillChain, type RunCall } from '../components/AgoraApiTester/chain';
import { initialForm, setBody, setParam, type FormState } from '../components/AgoraApiTester/formModel';
import { base64, resolvePath } from '../request/apiRequest';
import { requestFromValues } from '../request/build';
import { APP_ID_NAMES, DEMO, MAX_BODY_BYTES, namesProject } from '../sandbox';
import { BASIC, BEARER, testSandbox, type Answer } from '../sandbox/testing';
import { readConformanceRecord } from './conformanceFile';
import { families } from './index';

const FAULTS = [429, 500, 502, 503, 504] as const;

type CaseName =
  | 'success'
  | 'no-auth'
  | 'wrong-credentials'
  | 'other-app-id'
  | 'body-not-json'
  | 'wrong-content-type'
  | 'body-too-large'
  | 'breaks-schema'
  | 'unknown-id'
  | 'no-route'
  | `fault-${(typeof FAULTS)[number]}`;

/** Answers the engine gives alike for every family: enforced everywhere, whatever the family's status. */
const ENGINE_CASES: ReadonlySet<CaseName> = new Set<CaseName>(['no-auth', 'wrong-credentials', 'no-route']);

/**
 * Statuses the sandbox answers that no Agora file documents, each kept as the
 * engine's own answer for the reason given (also stated on the Sandbox page,
 * docs/sandbox.mdx). Such an answer must still have the gateway's body shape.
 */
const SANDBOX_ONLY: Readonly<Record<number, string>> = {
  413:
    'Agora documents no request-size limit; the sandbox refuses bodies over 64 KB to keep a public ' +
    'deployment from being filled up, so 413 is its own answer and is not written into the catalog as if Agora gave it.',
};

/** An App ID the sandbox holds no project for. */
const OTHER_APP_ID = 'f'.repeat(32);

/** A schema from the composed document, `$ref`s resolved. */
function baseSchema(pointer: string): JsonSchema {
  return deref<JsonSchema>(catalogDocument, { $ref: pointer });
}
const GATEWAY_ERROR = baseSchema('#/components/schemas/GatewayError');
const NO_ROUTE = deref<RawResponse>(catalogDocument, { $ref: '#/components/responses/NoRoute' }).content?.['application/json']?.schema;

interface Documented {
  /** The response key that covers the status: `404`, `4XX`, `default`, or where the sandbox-only rule comes from. */
  key: string;
  /** Undefined when the catalog documents no body. */
  schema?: JsonSchema;
}

/** The response the catalog documents for `status`: exact first, then its range, then `default`. */
function documentedResponse(op: OperationModel, status: number): Documented | undefined {
  const exact = op.responses.find((response) => response.status === status);
  if (exact) return { key: String(status), schema: exact.schema };
  // The operation model keeps numeric statuses only, so ranges and `default` are read from the composed document.
  const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const raw = catalogDocument.paths[op.path]?.[method]?.responses ?? {};
  for (const key of [`${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
    if (!raw[key]) continue;
    const response = deref<RawResponse>(catalogDocument, raw[key]);
    return { key, schema: response.content?.['application/json']?.schema };
  }
  return undefined;
}

const schemaError = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .slice(0, 3)
    .map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? ` ${JSON.stringify(error.params.allowedValues)}` : ''}`)
    .join('; ');

/** Why an answer is not what the catalog documents, or null when it is. */
function judge(op: OperationModel, name: CaseName, answer: Pick<Answer, 'status' | 'body'>): string | null {
  let documented: Documented | undefined;
  if (name === 'no-route') documented = { key: 'components/responses/NoRoute', schema: NO_ROUTE };
  else documented = documentedResponse(op, answer.status);
  if (!documented && SANDBOX_ONLY[answer.status]) documented = { key: `sandbox-only ${answer.status}`, schema: GATEWAY_ERROR };
  if (!documented) {
    const listed = op.responses.map((response) => response.status).join(', ');
    return `status ${answer.status} is not documented for ${op.id} (documented: ${listed})`;
  }
  if (!documented.schema) {
    return answer.body === undefined ? null : `the catalog documents no body for ${documented.key}, the sandbox sent one`;
  }
  const check = compileSchema(documented.schema);
  return check(answer.body) ? null : `body breaks the ${documented.key} schema: ${schemaError(check.errors)}`;
}

/** One request of a case: what it changes in the operation's working request. */
interface Variant {
  name: CaseName;
  form?: FormState;
  /** Authorization header; null sends none. Default: the demo credential the operation accepts. */
  auth?: string | null;
  headers?: Record<string, string>;
  /** The body as sent: text as is, anything else as JSON. Default: the form's body. */
  body?: unknown;
  /** Appended to the resolved path (for a path no operation has). */
  pathSuffix?: string;
}

interface Outcome {
  op: OperationModel;
  name: CaseName;
  status: number;
  body: unknown;
  problem: string | null;
}

const demoCredential = (op: OperationModel): string => (op.security[0] === 'bearer' ? BEARER : BASIC);
const wrongCredential = (op: OperationModel): string =>
  op.security[0] === 'bearer' ? 'Bearer not-the-demo-token' : `Basic ${base64(`${DEMO.customerId}:not-the-demo-secret`)}`;

const isAppId = (param: ParamModel): boolean => APP_ID_NAMES.includes(param.name);

/**
 * The form with every App ID (path, query, body `appid`) replaced by one the
 * sandbox does not hold; undefined for a call that names no project (Agora's
 * NCS IP queries act for the credentials' project).
 */
function withOtherAppId(op: OperationModel, form: FormState): FormState | undefined {
  let next = form;
  for (const param of op.params) if (isAppId(param) && param.in !== 'header') next = setParam(next, param.in, param.name, OTHER_APP_ID);
  if (next.body && typeof next.body === 'object' && 'appid' in next.body) next = setBody(next, { ...next.body, appid: OTHER_APP_ID });
  return next === form ? undefined : next;
}

const partsOf = (form: FormState) => ({ path: form.path, query: form.query, headers: form.headers });

/** The same characters moved one step within their class (digits, hex letters, other letters): same shape, another value. */
function unknownValue(value: string): string {
  const classes = ['0123456789', 'abcdef', 'ABCDEF', 'ghijklmnopqrstuvwxyz', 'GHIJKLMNOPQRSTUVWXYZ'];
  return [...value]
    .map((char) => {
      const set = classes.find((chars) => chars.includes(char));
      return set ? set[(set.indexOf(char) + 1) % set.length] : char;
    })
    .join('');
}

/** The form with every id in the path (not the App ID, not a choice from an enum) replaced by a valid one nobody holds. */
function withUnknownIds(op: OperationModel, form: FormState): FormState | undefined {
  const ids = op.pathParams.filter((param) => !isAppId(param) && !param.schema.enum);
  if (!ids.length) return undefined;
  let next = form;
  for (const param of ids) next = setParam(next, 'path', param.name, unknownValue(form.path[param.name] ?? ''));
  const issues = paramIssues(op, partsOf(next), compileSchema);
  // The case is about an id the sandbox does not hold, not a malformed one (that is breaks-schema).
  if (issues.length) throw new Error(`${op.id}: the unknown-id case made an invalid request: ${issues[0].message}`);
  return next;
}

/** A request that breaks the catalog's schema: the body without its first required field (or not an object), else one parameter's value. */
function withBrokenSchema(op: OperationModel, form: FormState): Variant | undefined {
  const schema = op.requestBody?.schema;
  if (schema) {
    const body = form.body && typeof form.body === 'object' && schema.required?.length ? { ...form.body } : [];
    if (!Array.isArray(body)) delete (body as Record<string, unknown>)[schema.required![0]];
    expect(bodyIssues(op, body, compileSchema).length, `${op.id}: the broken body should break the schema`).toBeGreaterThan(0);
    return { name: 'breaks-schema', body };
  }
  for (const param of op.params.filter((p) => !isAppId(p) && p.in !== 'header')) {
    for (const text of ['not-a-number', '-1', '99999999999', '!', 'x'.repeat(300)]) {
      const next = setParam(form, param.in, param.name, text);
      if (paramIssues(op, partsOf(next), compileSchema).some((issue) => issue.path[0] === param.name)) return { name: 'breaks-schema', form: next };
    }
  }
  return undefined;
}

/** Every case that applies to the operation, given the working (success) form. */
function variantsFor(op: OperationModel, form: FormState): Variant[] {
  const variants: Variant[] = [
    { name: 'success' },
    { name: 'no-auth', auth: null },
    { name: 'wrong-credentials', auth: wrongCredential(op) },
  ];
  const otherAppId = withOtherAppId(op, form);
  if (otherAppId) variants.push({ name: 'other-app-id', form: otherAppId });
  if (op.requestBody) {
    variants.push(
      { name: 'body-not-json', body: '{"this is": not JSON', headers: { 'Content-Type': 'application/json' } },
      { name: 'wrong-content-type', body: JSON.stringify(form.body ?? {}), headers: { 'Content-Type': 'text/plain' } },
      { name: 'body-too-large', body: JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }) },
    );
  }
  const broken = withBrokenSchema(op, form);
  if (broken) variants.push(broken);
  const unknown = withUnknownIds(op, form);
  if (unknown) variants.push({ name: 'unknown-id', form: unknown });
  for (const status of FAULTS) variants.push({ name: `fault-${status}`, headers: { 'X-Sandbox-Fault': String(status) } });
  // Two segments: one would name an agent after Conversational AI's list path (GET .../agents/{agentId}).
  variants.push({ name: 'no-route', pathSuffix: '/no-such-route/at-all' });
  return variants;
}

/** Runs one operation's cases on a fresh sandbox and judges every answer. */
async function runOperation(op: OperationModel): Promise<Outcome[]> {
  const t = testSandbox();
  const send = async (target: OperationModel, variant: Variant & { form: FormState }): Promise<Answer> => {
    // Sandbox time passes between calls, as for a reader: a recording runs a moment
    // before stop has files, and per-second limits start afresh.
    t.advance(3000);
    const request = requestFromValues(target, variant.form);
    const resolved = resolvePath(request.pathTemplate, request.pathParams);
    // A path no operation has: the suffix grows while a template with a trailing parameter
    // (`/agents/{agentId}` after `/agents`) still matches it.
    let suffix = variant.pathSuffix ?? '';
    while (suffix && matchOperation(request.method, resolved + suffix)) suffix += variant.pathSuffix;
    const path = resolved + suffix;
    if (variant.pathSuffix) expect(matchOperation(request.method, path), `${path} should match no operation`).toBeUndefined();
    return t.call(request.method, path, {
      host: request.server,
      query: request.query,
      headers: { ...request.headers, ...variant.headers },
      body: variant.body === undefined ? request.body : variant.body,
      auth: variant.auth === undefined ? demoCredential(target) : variant.auth,
    });
  };
  // Ids from earlier calls (resourceid, sid, player id) come the way the tester gets them.
  const run: RunCall<string> = async (source, form) => {
    const answer = await send(source, { name: 'success', form });
    return answer.status < 300 ? { ok: true, body: answer.body } : { ok: false, failure: `${source.id} answered ${answer.status} ${JSON.stringify(answer.body)}` };
  };
  const chained = await fillChain(op, initialForm(op), getOperation, run);
  if (!chained.ok) throw new Error(`${op.id}: could not get its chained ids: ${JSON.stringify(chained.failure)}`);
  const outcomes: Outcome[] = [];
  for (const variant of variantsFor(op, chained.form)) {
    const answer = await send(op, { ...variant, form: variant.form ?? chained.form });
    outcomes.push({ op, name: variant.name, status: answer.status, body: answer.body, problem: judge(op, variant.name, answer) });
  }
  return outcomes;
}

const describeOutcome = (o: Outcome): string => `  ${o.op.id} [${o.name}] ${o.status}: ${o.problem}\n    body: ${JSON.stringify(o.body)?.slice(0, 200)}`;

/** The guide's calls are held to their own catalog part; an Agora family to its conformance record. */
const enforced = (family: string): boolean => family === 'guide' || readConformanceRecord(family)?.status === 'enforced';

// The judge is checked on the guide's create-channel: its responses are this test's to keep
// (the shared 401 and 415 from base.yaml, the guide's own shapes), unlike the Agora families'.
describe('the judge of an answer', () => {
  const create = getOperation('create-channel');

  it('accepts a documented status with a body its schema allows', () => {
    expect(judge(create, 'no-auth', { status: 401, body: { message: 'Unauthorized' } })).toBeNull();
    expect(judge(create, 'wrong-content-type', { status: 415, body: { message: 'Unsupported Media Type' } })).toBeNull();
  });

  it('names the status when the operation does not document it', () => {
    expect(judge(create, 'fault-500', { status: 418, body: { message: 'teapot' } })).toMatch(/status 418 is not documented for create-channel/);
  });

  it('names the schema error when the body breaks the documented schema', () => {
    expect(judge(create, 'no-auth', { status: 401, body: { message: 'Go away' } })).toMatch(/401 schema: \/message must be equal to one of the allowed values/);
    expect(judge(create, 'no-auth', { status: 401, body: undefined })).toMatch(/\(body\) must be object/);
    expect(judge(create, 'fault-502', { status: 502, body: { message: 'Bad gateway' } })).toMatch(/502 schema: \(body\) must have required property 'code'/);
  });

  it('holds a sandbox-only status to the gateway body and a no-route answer to the base NoRoute response', () => {
    expect(judge(create, 'body-too-large', { status: 413, body: { message: 'too large' } })).toBeNull();
    expect(judge(create, 'body-too-large', { status: 413, body: { code: 413 } })).toMatch(/sandbox-only 413 schema/);
    expect(judge(create, 'no-route', { status: 404, body: { message: 'no Route matched with those values' } })).toBeNull();
    expect(judge(create, 'no-route', { status: 404, body: 'Not Found' })).toMatch(/NoRoute schema/);
  });
});

describe.each(families.map((family) => [family.id]))('every sandbox answer of %s is documented', (family) => {
  const operations = listOperations().filter((op) => op.family === family);
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    outcomes = [];
    for (const op of operations) outcomes.push(...(await runOperation(op)));
    const failing = outcomes.filter((o) => o.problem);
    const byCase = new Map<string, number>();
    for (const o of failing) byCase.set(o.name, (byCase.get(o.name) ?? 0) + 1);
    const cases = [...byCase].map(([name, count]) => `${name} ${count}`).join(', ');
    const status = enforced(family) ? 'enforced' : 'pending';
    console.log(
      `responses: ${family} ${failing.length} non-conforming of ${outcomes.length} answers (${operations.length} operations, ${status})${cases ? `: ${cases}` : ''}`,
    );
    // The one line above keeps the log short; RESPONSES_DETAIL=1 lists each answer for whoever fixes the family.
    if (process.env.RESPONSES_DETAIL) for (const o of failing) console.log(describeOutcome(o));
  });

  it('drives every operation through success and every error case that applies', () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const mine = outcomes.filter((o) => o.op === op);
      const success = mine.find((o) => o.name === 'success');
      expect(success?.status, `${op.id} success: ${JSON.stringify(success?.body)}`).toBeLessThan(300);
      expect(success?.status).toBeGreaterThanOrEqual(200);
      // Every operation has success, two auth cases, five faults and no route; a call that names its
      // project adds another App ID, and a call with a body adds not-JSON, wrong Content-Type, too
      // large and a schema-breaking body.
      expect(mine.length, op.id).toBeGreaterThanOrEqual(9 + (namesProject(op) ? 1 : 0) + (op.requestBody ? 4 : 0));
    }
  });

  it('answers 401 as Agora’s gateway words it: "Unauthorized" without credentials, "Invalid authentication credentials" with wrong ones', () => {
    for (const o of outcomes.filter((x) => x.name === 'no-auth')) expect([o.status, o.body], o.op.id).toEqual([401, { message: 'Unauthorized' }]);
    for (const o of outcomes.filter((x) => x.name === 'wrong-credentials')) {
      expect([o.status, o.body], o.op.id).toEqual([401, { message: 'Invalid authentication credentials' }]);
    }
  });

  it('documents the engine’s shared answers (401, 404 no route) for every operation', () => {
    const failing = outcomes.filter((o) => ENGINE_CASES.has(o.name) && o.problem);
    expect(failing.map(describeOutcome), 'engine answers that break the catalog').toEqual([]);
  });

  // A pending family's other answers are only counted (the line logged above), as conformance.test.ts does.
  if (enforced(family)) {
    it('documents every other answer (status and body)', () => {
      const failing = outcomes.filter((o) => !ENGINE_CASES.has(o.name) && o.problem);
      expect(
        failing.map(describeOutcome),
        `${family} answers that its catalog does not document: document the status and body in src/families/${family}/catalog.yaml, or fix the sandbox`,
      ).toEqual([]);
    });
  }
});
