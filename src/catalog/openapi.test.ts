/**
 * The catalog document itself: valid OpenAPI 3.1 by a maintained validator,
 * in step with its YAML sources (base + family parts), and every example valid against its schema
 * (Ajv, JSON Schema 2020-12, the dialect OpenAPI 3.1 embeds).
 */
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { composeCatalog } from './compose';
import generated from './openapi.gen.json';
import { readCatalogBase, readFamilyParts } from './sources';
import { deref } from './resolve';
import type { OpenApiDocument, RawExample, RawMediaType, RawParameter } from './document';
import type { JsonSchema } from './types';

const doc = generated as unknown as OpenApiDocument;
const root = fileURLToPath(new URL('../..', import.meta.url));

// strictRequired is off: `oneOf: [{required: [a]}, {required: [b]}]` (exactly one of a and b)
// names properties declared beside the oneOf, which strict mode would refuse.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
// OpenAPI keywords that may sit inside a Schema Object without being JSON Schema.
ajv.addKeyword({ keyword: 'example' });
// The catalog's own annotation on a secret field (see base.yaml); it says nothing about validity.
ajv.addKeyword({ keyword: 'x-secret' });

function check(schema: JsonSchema, value: unknown): string {
  const validate = ajv.compile(schema);
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

function examplesOf(media: { example?: unknown; examples?: Record<string, RawExample> }): Array<[string, unknown]> {
  const list: Array<[string, unknown]> = [];
  if (media.example !== undefined) list.push(['example', media.example]);
  for (const [name, example] of Object.entries(media.examples ?? {})) list.push([name, example.value]);
  return list;
}

type Case = { where: string; schema: JsonSchema; value: unknown };

/** Every (schema, example) pair of the document, $refs resolved. */
function exampleCases(): Case[] {
  const cases: Case[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    for (const [method, rawOp] of Object.entries(rawItem)) {
      if (method === 'parameters' || method === 'servers') continue;
      const op = deref<{
        operationId: string;
        parameters?: RawParameter[];
        requestBody?: { content: Record<string, RawMediaType> };
        responses: Record<string, { content?: Record<string, RawMediaType>; headers?: Record<string, { schema?: JsonSchema; example?: unknown }> }>;
      }>(doc, rawOp);
      const at = `${op.operationId} (${method.toUpperCase()} ${path})`;
      for (const param of op.parameters ?? []) {
        for (const [name, value] of examplesOf(param)) {
          cases.push({ where: `${at} parameter ${param.name} ${name}`, schema: param.schema ?? {}, value });
        }
      }
      const body = op.requestBody?.content['application/json'];
      for (const [name, value] of body ? examplesOf(body) : []) {
        cases.push({ where: `${at} request body ${name}`, schema: body!.schema ?? {}, value });
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content?.['application/json'];
        if (media?.schema) {
          for (const [name, value] of examplesOf(media)) {
            cases.push({ where: `${at} response ${status} ${name}`, schema: media.schema, value });
          }
        }
        for (const [header, spec] of Object.entries(response.headers ?? {})) {
          if (spec.schema && spec.example !== undefined) {
            cases.push({ where: `${at} response ${status} header ${header}`, schema: spec.schema, value: spec.example });
          }
        }
      }
    }
  }
  for (const [name, schema] of Object.entries(doc.components.schemas ?? {})) {
    const resolved = deref<JsonSchema>(doc, schema);
    for (const value of resolved.examples ?? []) cases.push({ where: `schema ${name} examples`, schema: resolved, value });
  }
  return cases;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 according to @seriousme/openapi-schema-validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(generated));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is in step with its YAML sources (run `npm run catalog` after editing them)', () => {
    expect(composeCatalog(readCatalogBase(root), readFamilyParts(root))).toEqual(generated);
  });

  it('gives every operation a unique kebab-case id, grouped family by family in tag order', () => {
    const ops = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op && typeof op === 'object' && 'operationId' in op ? [op] : [])),
    );
    const ids = ops.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const tagOrder = doc.tags.map((tag) => tag.name);
    const seen = ops.map((op) => tagOrder.indexOf(op.tags![0]));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gives every operation a summary, description, tag, responses with 2xx and 401, and x- notes', () => {
    for (const item of Object.values(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters' || method === 'servers' || !op || typeof op !== 'object' || !('operationId' in op)) continue;
        expect(op.summary, op.operationId).toBeTruthy();
        expect(op.description, op.operationId).toBeTruthy();
        expect(op.tags?.length, op.operationId).toBe(1);
        expect(Object.keys(op.responses ?? {}), op.operationId).toEqual(expect.arrayContaining(['200', '401', '429']));
        // Family-wide tables sit on the family's tag; an operation may replace them.
        const tag = doc.tags.find((t) => t.name === op.tags?.[0]);
        for (const key of ['x-limits', 'x-troubleshooting', 'x-retry'] as const) {
          expect(op[key] ?? tag?.[key], `${op.operationId} ${key}`).toBeDefined();
        }
      }
    }
  });

  const cases = exampleCases();
  it('has examples for request bodies, parameters and responses', () => {
    expect(cases.filter((c) => c.where.includes('request body')).length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.where.includes(' response ')).length).toBeGreaterThanOrEqual(19 * 3);
    expect(cases.filter((c) => c.where.includes(' parameter ')).length).toBeGreaterThanOrEqual(19);
  });

  it.each(cases.map((c) => [c.where, c] as const))('example is valid: %s', (_where, c) => {
    expect(check(c.schema, c.value)).toBe('');
  });
});

describe('the schemas refuse what Agora refuses', () => {
  const schemaOf = (name: string) => deref<JsonSchema>(doc, doc.components.schemas![name]);

  it('App IDs are 32 hexadecimal characters', () => {
    expect(check(schemaOf('AppId'), '0123456789abcdef0123456789ABCDEF')).toBe('');
    expect(check(schemaOf('AppId'), '0123456789abcdef0123456789abcde')).not.toBe('');
    expect(check(schemaOf('AppId'), '0123456789abcdef0123456789abcdeg')).not.toBe('');
  });

  it('Cloud Recording uids are strings, as Agora types them (the sandbox checks 1..4294967295: families/cloud-recording/rules.ts)', () => {
    const uid = schemaOf('RecordingUid');
    expect(check(uid, '527841')).toBe('');
    expect(check(uid, 527841)).not.toBe('');
  });

  it("the guide's channel name is alphanumeric and under 64 characters", () => {
    const body = schemaOf('CreateChannelRequest');
    expect(check(body, { channel: 'myvideochannel', uid: 'u1' })).toBe('');
    expect(check(body, { channel: 'my-video-channel', uid: 'u1' })).toMatch(/pattern/);
    expect(check(body, { channel: 'a'.repeat(64), uid: 'u1' })).not.toBe('');
    expect(check(body, { channel: 'a'.repeat(63), uid: 'u1' })).toBe('');
  });

  it('a Media Pull player has exactly one of uid and account', () => {
    const body = schemaOf('CreatePlayerRequest');
    const player = { streamUrl: 'rtmp://example.agora.io/live/a', channelName: 'demo' };
    expect(check(body, { player: { ...player, uid: 0 } })).toBe('');
    expect(check(body, { player: { ...player, account: 'bob' } })).toBe('');
    expect(check(body, { player: { ...player, uid: 1, account: 'bob' } })).not.toBe('');
    expect(check(body, { player })).not.toBe('');
    // Agora brings idleTimeout into 5-600 instead of refusing it (the sandbox clamps).
    expect(check(body, { player: { ...player, uid: 1, idleTimeout: 601 } })).toBe('');
    expect(check(body, { player: { ...player, uid: 1, idleTimeout: 4 } })).toBe('');
    expect(check(body, { player: { ...player, uid: 1, videoOptions: { height: 1081 } } })).not.toBe('');
  });

  it('a ban rule takes time, time_in_seconds, both or neither; Agora clamps durations, so no bound refuses one', () => {
    const body = schemaOf('CreateBanRuleRequest');
    const base = { appid: '0123456789abcdef0123456789abcdef', privileges: ['join_channel'] };
    for (const durations of [{ time: 60 }, { time_in_seconds: 10 }, { time: 60, time_in_seconds: 10 }, {}, { time: 0 }, { time_in_seconds: 9 }]) {
      expect(check(body, { ...base, ...durations }), JSON.stringify(durations)).toBe('');
    }
    expect(check(body, { ...base, time: 60, privileges: ['kick'] })).not.toBe('');
    expect(check(body, { appid: base.appid, time: 60 })).not.toBe('');
  });
});
