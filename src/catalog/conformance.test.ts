import { describe, expect, it } from 'vitest';
import {
  bodyFieldFacts,
  compareFamily,
  compareOperation,
  differenceKey,
  factsOfOperation,
  judgeConformance,
  parseConformanceRecord,
  valueFacts,
  WHOLE_BODY,
  type Difference,
  type FactsFile,
  type OperationFacts,
} from './conformance';
import { getOperation, listOperations } from './index';
import type { JsonSchema, OperationModel } from './types';

/** Our own facts for an operation, as a deep copy a test may edit into "Agora's". */
const factsOf = (id: string): OperationFacts => structuredClone(factsOfOperation(getOperation(id)));
const keys = (facts: OperationFacts, id: string) => compareOperation(facts, getOperation(id)).map((d) => d.key);

const ACQUIRE = 'POST /v1/apps/{appid}/cloud_recording/acquire';
const LIST_PLAYERS = 'GET /v1/projects/{appId}/cloud-player/players';

describe('compareOperation', () => {
  it('finds no difference between an operation and its own facts, for every real operation', () => {
    for (const op of listOperations().filter((o) => !o.guideExample)) {
      expect(compareOperation(factsOfOperation(op), op), op.id).toEqual([]);
    }
  });

  it('reports a body field Agora has and we lack, once, with its stable key', () => {
    const facts = factsOf('acquire');
    // A missing object with fields of its own is one difference, not one per descendant.
    // (A field no catalog has, so the test does not depend on what the catalog models today.)
    facts.body!.fields.push(
      { path: 'clientRequest.notModelled', required: false, type: 'object' },
      { path: 'clientRequest.notModelled.token', required: false, type: 'string' },
    );
    const differences = compareOperation(facts, getOperation('acquire'));
    expect(differences).toEqual([
      {
        operation: ACQUIRE,
        kind: 'body-field-missing',
        subject: 'clientRequest.notModelled',
        agora: { path: 'clientRequest.notModelled', required: false, type: 'object' },
        ours: null,
        key: `${ACQUIRE} body-field-missing clientRequest.notModelled`,
      },
    ]);
  });

  it('reports a body field we have and Agora lacks as extra', () => {
    const facts = factsOf('acquire');
    facts.body!.fields = facts.body!.fields.filter((field) => field.path !== 'clientRequest.scene');
    expect(keys(facts, 'acquire')).toEqual([`${ACQUIRE} body-field-extra clientRequest.scene`]);
  });

  it('reports body required flags, types, enums and ranges', () => {
    const facts = factsOf('acquire');
    const field = (path: string) => facts.body!.fields.find((f) => f.path === path)!;
    // Each fact is changed away from whatever the catalog states today.
    const hours = field('clientRequest.resourceExpiredHour');
    field('cname').required = !field('cname').required;
    hours.type = hours.type === 'integer' ? 'number' : 'integer';
    field('clientRequest.scene').enum = [...(field('clientRequest.scene').enum ?? []), 'not-a-scene'];
    hours.maximum = (hours.maximum ?? 0) + 1;
    expect(keys(facts, 'acquire').sort()).toEqual(
      [
        `${ACQUIRE} body-required cname`,
        `${ACQUIRE} body-type clientRequest.resourceExpiredHour`,
        `${ACQUIRE} body-enum clientRequest.scene`,
        `${ACQUIRE} body-range clientRequest.resourceExpiredHour`,
      ].sort(),
    );
  });

  it('compares enums as sets, so order does not matter', () => {
    const facts = factsOf('start-recording');
    const mode = facts.params.find((p) => p.name === 'mode')!;
    expect(mode.schema.enum!.length).toBeGreaterThan(1);
    mode.schema.enum = [...mode.schema.enum!].reverse();
    expect(keys(facts, 'start-recording')).toEqual([]);
  });

  it('reports a whole body that Agora marks optional and we require', () => {
    const facts = factsOf('acquire');
    facts.body!.required = false;
    const [difference] = compareOperation(facts, getOperation('acquire'));
    expect(difference).toMatchObject({ kind: 'body-required', subject: WHOLE_BODY, agora: 'optional', ours: 'required' });
  });

  it('reports parameters missing, extra, required, typed, enumerated and limited differently', () => {
    const facts = factsOf('list-cloud-players');
    const param = (name: string) => facts.params.find((p) => p.name === name)!;
    param('pageSize').schema.type = 'integer';
    param('pageSize').schema.maximum = 100;
    param('filter').required = true;
    param('pageToken').schema.enum = ['a'];
    facts.params.push({ name: 'streamIp', in: 'query', required: false, schema: { type: 'string' } });
    expect(keys(facts, 'list-cloud-players').sort()).toEqual(
      [
        `${LIST_PLAYERS} param-type pageSize`,
        `${LIST_PLAYERS} param-range pageSize`,
        `${LIST_PLAYERS} param-required filter`,
        `${LIST_PLAYERS} param-enum pageToken`,
        `${LIST_PLAYERS} param-missing streamIp`,
      ].sort(),
    );
  });

  it('compares query names exactly but header names case-insensitively', () => {
    const facts = factsOf('list-cloud-players');
    facts.params.find((p) => p.name === 'pageSize')!.name = 'pagesize';
    facts.params.find((p) => p.in === 'header')!.name = 'x-request-id';
    expect(keys(facts, 'list-cloud-players').sort()).toEqual(
      [`${LIST_PLAYERS} param-missing pagesize`, `${LIST_PLAYERS} param-extra pageSize`].sort(),
    );
  });

  it('reports statuses Agora lists that we lack, and ours that Agora does not cover', () => {
    const facts = factsOf('acquire');
    const ours = getOperation('acquire').responses.map((r) => r.status);
    expect(ours).toContain(400);
    facts.responses = facts.responses.filter((r) => r.status !== 400);
    facts.responses.push({ status: 418, fields: [] });
    expect(keys(facts, 'acquire').sort()).toEqual([`${ACQUIRE} status-extra 400`, `${ACQUIRE} status-missing 418`].sort());
    // Agora's `default` or a `4XX` range covers any status of ours it does not list.
    expect(keys({ ...facts, responses: [...facts.responses, { status: '4XX', fields: [] }] }, 'acquire')).toEqual([`${ACQUIRE} status-missing 418`]);
    expect(keys({ ...facts, responses: [...facts.responses, { status: 'default', fields: [] }] }, 'acquire')).toEqual([`${ACQUIRE} status-missing 418`]);
  });

  it('reports a response field Agora documents and we do not, under its status', () => {
    const facts = factsOf('acquire');
    facts.responses.find((r) => r.status === 200)!.fields.push({ path: 'serverResponse', type: 'object', required: false });
    expect(keys(facts, 'acquire')).toEqual([`${ACQUIRE} response-field-missing 200 serverResponse`]);
  });

  it('reports a different auth scheme', () => {
    const facts = factsOf('acquire');
    facts.auth = ['bearer'];
    expect(compareOperation(facts, getOperation('acquire'))).toEqual([
      { operation: ACQUIRE, kind: 'auth', subject: '', agora: ['bearer'], ours: ['basic'], key: `${ACQUIRE} auth` },
    ]);
  });
});

describe('compareFamily', () => {
  const family = (id: string) => listOperations().filter((op) => op.family === id);
  const factsFile = (operations: OperationFacts[]): FactsFile => ({ sources: [], operations });

  it('matches operations on method and path template', () => {
    const ops = family('media-pull');
    expect(compareFamily(factsFile(ops.map(factsOfOperation)), ops)).toEqual([]);
  });

  it('treats a renamed path parameter as one missing and one extra operation', () => {
    const ops = family('media-pull');
    const facts = ops.map(factsOfOperation);
    const update = facts.find((f) => f.method === 'PATCH')!;
    const ours = update.path;
    update.path = ours.replace('{playerid}', '{id}');
    expect(compareFamily(factsFile(facts), ops).map((d) => d.key)).toEqual([
      `PATCH ${update.path} missing-operation`,
      `PATCH ${ours} extra-operation`,
    ]);
  });

  it('never compares the guide’s illustrative calls, which are not Agora APIs', () => {
    const guide: OperationModel[] = listOperations().filter((op) => op.guideExample);
    expect(guide.length).toBeGreaterThan(0);
    expect(compareFamily(factsFile([]), guide)).toEqual([]);
  });
});

describe('facts of a schema', () => {
  it('keeps a default only when it is a value of the field’s type', () => {
    expect(valueFacts({ type: 'number', default: 'the source width' })).toEqual({ type: 'number' });
    expect(valueFacts({ type: 'number', minimum: 1, default: 15 })).toEqual({ type: 'number', minimum: 1, default: 15 });
  });

  it('takes the type an allOf reuses', () => {
    const object: JsonSchema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(valueFacts({ allOf: [object] }).type).toBe('object');
  });

  it('lists the items of an array of scalars as `<field>[]`', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['privileges'],
      properties: { privileges: { type: 'array', minItems: 1, items: { type: 'string', enum: ['join_channel'] } } },
    };
    expect(bodyFieldFacts(schema)).toEqual([
      { path: 'privileges', required: true, type: 'array', minItems: 1 },
      { path: 'privileges[]', required: false, type: 'string', enum: ['join_channel'] },
    ]);
  });

  it('words keys as "<METHOD> <path> <kind> <subject>"', () => {
    expect(differenceKey('GET /v1/ncs/ip', 'missing-operation', '')).toBe('GET /v1/ncs/ip missing-operation');
    expect(differenceKey(ACQUIRE, 'param-missing', 'Content-Type')).toBe(`${ACQUIRE} param-missing Content-Type`);
  });
});

describe('conformance records', () => {
  const record = (value: unknown) => parseConformanceRecord(value, 'conformance.yaml');
  const acquireMissing = (subject: string): Difference => ({
    operation: ACQUIRE,
    kind: 'body-field-missing',
    subject,
    agora: { path: subject, required: false },
    ours: null,
    key: `${ACQUIRE} body-field-missing ${subject}`,
  });

  it('reads a status and deviations with reasons', () => {
    const reason = 'The sandbox cannot emulate storage vendors.';
    expect(record({ status: 'enforced', deviations: [{ key: 'k', reason }] })).toEqual({ status: 'enforced', deviations: [{ key: 'k', reason }] });
    expect(record({ status: 'pending' })).toEqual({ status: 'pending', deviations: [] });
  });

  it('refuses a deviation without a sentence for a reason, a duplicate key or an unknown status', () => {
    expect(() => record({ status: 'enforced', deviations: [{ key: 'k' }] })).toThrow(/needs a `reason`/);
    expect(() => record({ status: 'enforced', deviations: [{ key: 'k', reason: 'intended' }] })).toThrow(/sentence/);
    expect(() => record({ status: 'enforced', deviations: [{ key: 'k', reason: 'Not yet' }] })).toThrow(/sentence/);
    const reason = 'Agora documents it in prose only.';
    expect(() => record({ status: 'enforced', deviations: [{ key: 'k', reason }, { key: 'k', reason }] })).toThrow(/twice/);
    expect(() => record({ status: 'done', deviations: [] })).toThrow(/status/);
    expect(() => record({ status: 'pending', deviation: [] })).toThrow(/unknown key/);
  });

  it('sorts differences into intended, unlisted and stale', () => {
    const listed = acquireMissing('clientRequest.startParameter');
    const open = acquireMissing('clientRequest.region');
    const verdict = judgeConformance([listed, open], {
      status: 'enforced',
      deviations: [
        { key: listed.key, reason: 'Start parameters are out of scope for the tester.' },
        { key: `${ACQUIRE} auth`, reason: 'This difference was fixed since.' },
      ],
    });
    expect(verdict).toEqual({ intended: [listed], unlisted: [open], stale: [`${ACQUIRE} auth`] });
  });
});
