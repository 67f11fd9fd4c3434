import { getOperation } from '../../catalog';
import { constraintsOf, exclusiveGroups, flattenFields, typeLabel } from './schemaText';

describe('schema text', () => {
  it('describes constraints in words', () => {
    expect(constraintsOf({ type: 'integer', minimum: 1, maximum: 720, default: 72 })).toEqual(['1 to 720', 'default 72']);
    expect(constraintsOf({ type: 'string', pattern: '^a$', minLength: 1, maxLength: 64 })).toEqual([
      'pattern ^a$',
      'length 1 to 64 characters',
    ]);
    expect(constraintsOf({ type: 'array', items: { type: 'string', enum: ['hls', 'mp4'] }, minItems: 1 })).toEqual([
      'at least 1 items',
      'each item: one of "hls", "mp4"',
    ]);
    expect(constraintsOf({ type: 'integer', minimum: 0 })).toEqual(['at least 0']);
  });

  it('names types, including unions', () => {
    expect(typeLabel({ type: 'array', items: { type: 'string' } })).toBe('array of string');
    expect(typeLabel({ oneOf: [{ type: 'string' }, { type: 'array' }] })).toBe('string or array');
  });

  it('finds exactly-one-of groups of the body and of nested objects (the walker decides what a group is)', () => {
    expect(exclusiveGroups({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] })).toEqual(['a or b']);
    expect(exclusiveGroups(getOperation('create-cloud-player').requestBody!.schema)).toEqual(['player.uid or player.account']);
    expect(exclusiveGroups({ type: 'object' })).toEqual([]);
    expect(constraintsOf(getOperation('create-cloud-player').requestBody!.schema.properties!.player)).toContain('exactly one of uid, account');
  });

  it('flattens nested objects and arrays of objects', () => {
    const names = flattenFields(getOperation('update-layout').requestBody!.schema).map((f) => f.name);
    expect(names).toContain('clientRequest.layoutConfig[].x_axis');
    // Top-level required fields (acquire's optional startParameter has required fields of its own).
    const required = flattenFields(getOperation('acquire').requestBody!.schema).filter((f) => f.required && f.depth === 0).map((f) => f.name);
    expect(required).toEqual(['cname', 'uid', 'clientRequest']);
    expect(flattenFields(getOperation('acquire').requestBody!.schema).find((f) => f.name === 'clientRequest.startParameter.storageConfig')).toMatchObject({ required: true, depth: 2 });
    const x = flattenFields(getOperation('update-layout').requestBody!.schema).find((f) => f.name === 'clientRequest.layoutConfig[].x_axis')!;
    expect(x).toMatchObject({ type: 'number', required: true, depth: 2, constraints: ['0 to 1'] });
  });
});
