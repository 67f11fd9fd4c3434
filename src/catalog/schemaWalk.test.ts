import { describe, expect, it } from 'vitest';
import { getOperation } from './index';
import { dottedPath, exactlyOneOf, findField, ITEMS, limitsOf, secretOf, walkSchema } from './schemaWalk';
import type { JsonSchema } from './types';

const names = (schema: JsonSchema) => walkSchema(schema).map((field) => dottedPath(field.path));

describe('walkSchema', () => {
  it('lists nested properties parents first, with required flags and depth', () => {
    const fields = walkSchema(getOperation('acquire').requestBody!.schema);
    expect(fields.slice(0, 4).map((f) => [dottedPath(f.path), f.required, f.depth, f.children])).toEqual([
      ['cname', true, 0, 'none'],
      ['uid', true, 0, 'none'],
      ['clientRequest', true, 0, 'properties'],
      ['clientRequest.scene', false, 1, 'none'],
    ]);
  });

  it('walks into the items of an array of objects under ITEMS', () => {
    const fields = walkSchema(getOperation('update-layout').requestBody!.schema);
    const x = fields.find((field) => field.name === 'x_axis')!;
    expect(x.path).toEqual(['clientRequest', 'layoutConfig', ITEMS, 'x_axis']);
    expect(x).toMatchObject({ required: true, depth: 2, type: 'number', limits: { minimum: 0, maximum: 1 } });
    expect(fields.find((field) => field.name === 'layoutConfig')).toMatchObject({ children: 'items', type: 'array', limits: { maxItems: 17 } });
    expect(names(getOperation('update-layout').requestBody!.schema)).toContain('clientRequest.layoutConfig[].x_axis');
  });

  it('includes fields declared only in oneOf/anyOf alternatives, and allOf parts with their required names', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string' } },
      oneOf: [{ properties: { b: { type: 'integer' } }, required: ['b'] }, { properties: { c: { type: 'string' } }, required: ['c'] }],
      allOf: [{ properties: { d: { type: 'boolean' } }, required: ['d'] }],
    };
    const fields = walkSchema(schema);
    expect(fields.map((f) => [f.name, f.required, f.fromAlternative])).toEqual([
      ['d', true, false],
      ['b', false, true],
      ['c', false, true],
      ['a', true, false],
    ]);
  });

  it('keeps both sides of uid XOR account as fields and marks the group on the parent', () => {
    const fields = walkSchema(getOperation('create-cloud-player').requestBody!.schema);
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['uid', 'account']));
    expect(fields.find((f) => f.name === 'player')!.limits.exactlyOneOf).toEqual(['uid', 'account']);
  });

  it('stops at a schema that contains itself instead of looping', () => {
    const node: JsonSchema = { type: 'object', properties: { name: { type: 'string' } } };
    node.properties!.child = node;
    expect(names(node)).toEqual(['name', 'child']);
  });

  it('does not list the fields of scalars, free-form objects or arrays of scalars', () => {
    expect(walkSchema({ type: 'string' })).toEqual([]);
    const fields = walkSchema({ type: 'object', properties: { free: { type: 'object' }, tags: { type: 'array', items: { type: 'string' } } } });
    expect(fields.map((f) => f.children)).toEqual(['none', 'none']);
  });
});

describe('limits and names', () => {
  it('reads a schema\'s limits as data, items included', () => {
    expect(limitsOf({ type: 'integer', minimum: 1, maximum: 720, default: 72 })).toEqual({ minimum: 1, maximum: 720, default: 72 });
    expect(limitsOf({ type: 'array', items: { type: 'string', enum: ['hls', 'mp4'] }, minItems: 1, uniqueItems: true })).toEqual({
      minItems: 1,
      uniqueItems: true,
      items: { enum: ['hls', 'mp4'] },
    });
  });

  it('finds exactly-one-of groups', () => {
    // A schema of its own, so the test does not depend on which catalog body has a choice today.
    expect(exactlyOneOf({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] })).toEqual(['a', 'b']);
    expect(exactlyOneOf({ type: 'object' })).toBeUndefined();
    expect(exactlyOneOf({ oneOf: [{ required: ['a', 'b'] }, { required: ['c'] }] })).toBeUndefined();
  });

  it('writes paths with array indices and item markers', () => {
    expect(dottedPath(['clientRequest', 'layoutConfig', 0, 'x_axis'])).toBe('clientRequest.layoutConfig[0].x_axis');
    expect(dottedPath(['layoutConfig', ITEMS, 'x_axis'])).toBe('layoutConfig[].x_axis');
    expect(dottedPath([])).toBe('');
  });

  it('finds a field by full path (indices allowed) or by its last name', () => {
    const player = walkSchema(getOperation('create-cloud-player').requestBody!.schema);
    expect(findField(player, 'streamUrl')!.path).toEqual(['player', 'streamUrl']);
    expect(findField(player, 'player.audioOptions.volume')!.path).toEqual(['player', 'audioOptions', 'volume']);
    const layout = walkSchema(getOperation('update-layout').requestBody!.schema);
    expect(findField(layout, 'clientRequest.layoutConfig[3].uid')!.path).toEqual(['clientRequest', 'layoutConfig', ITEMS, 'uid']);
    // The full path wins over a shallower field of the same name.
    expect(findField(layout, 'uid')!.path).toEqual(['uid']);
    expect(findField(layout, 'nope')).toBeUndefined();
  });
});

describe('secret fields (x-secret)', () => {
  it('flags each marked field with the variable snippets read it from', () => {
    const fields = walkSchema({
      type: 'object',
      properties: {
        bucket: { type: 'string' },
        secretKey: { type: 'string', 'x-secret': 'AGORA_STORAGE_SECRET_KEY' },
        list: { type: 'array', items: { type: 'object', properties: { apiKey: { type: 'string', 'x-secret': true } } } },
      },
    });
    expect(fields.map((f) => [dottedPath(f.path), f.secret, f.secretEnv])).toEqual([
      ['bucket', false, undefined],
      ['secretKey', true, 'AGORA_STORAGE_SECRET_KEY'],
      ['list', false, undefined],
      ['list[].apiKey', true, 'AGORA_API_KEY'],
    ]);
    expect(secretOf({ type: 'string', 'x-secret': false }, 'x')).toBeUndefined();
  });

  it('reads the catalog marks', () => {
    const start = walkSchema(getOperation('start-recording').requestBody!.schema);
    expect(findField(start, 'clientRequest.storageConfig.secretKey')).toMatchObject({ secret: true, secretEnv: 'AGORA_STORAGE_SECRET_KEY' });
    expect(findField(start, 'clientRequest.storageConfig.bucket')!.secret).toBe(false);
  });
});
