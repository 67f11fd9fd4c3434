import { describe, expect, it } from 'vitest';
import { compileCatalogSchema, compileSchema } from './ajv';
import { getOperation } from './index';
import type { JsonSchema, OperationModel } from './types';
import { bodyIssues, describePattern, formatRule, paramIssues, validateRequest, valueFromText, type RequestParts } from './validate';

const APP = '0123456789abcdef0123456789abcdef';
const op = (id: string): OperationModel => getOperation(id);
const check = (id: string, parts: RequestParts) => validateRequest(op(id), parts, compileSchema);
/** An operation whose body has a schema of its own, for rules no catalog body needs to have. */
const withBody = (schema: JsonSchema): OperationModel => ({ ...op('delete-ban-rule'), requestBody: { ...op('delete-ban-rule').requestBody!, schema } });
const player = (extra: Record<string, unknown> = {}) => ({ player: { streamUrl: 'rtmp://x/y', channelName: 'demo', uid: 1, ...extra } });
// Agora declares Content-Type a required header of create, so every create here sends it.
const cloudPlayer = (body: unknown, path: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  check('create-cloud-player', { path: { region: 'na', appId: APP, ...path }, headers: { 'Content-Type': 'application/json', ...headers }, body });

/**
 * An acquire whose body schema is the test's own, so the wording tests keep the
 * rules they need (a pattern, enums, a range) whatever the catalog's acquire states
 * (Agora types its uid, scene and region without them; the sandbox checks those).
 */
const withRules: OperationModel = {
  ...getOperation('acquire'),
  requestBody: {
    required: true,
    contentType: 'application/json',
    example: {},
    schema: {
      type: 'object',
      required: ['cname', 'uid', 'clientRequest'],
      properties: {
        cname: { type: 'string' },
        uid: {
          type: 'string',
          description: "The recording service's user id in the channel: a string holding a 32-bit unsigned integer from 1 to 4294967295, not used by any other user.",
          pattern: '^(?:[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$',
        },
        clientRequest: {
          type: 'object',
          properties: {
            scene: { type: 'integer', enum: [0, 1, 2] },
            resourceExpiredHour: { type: 'number', minimum: 1, maximum: 720 },
            region: { type: 'string', enum: ['CN', 'AP', 'EU', 'NA'] },
          },
        },
      },
    },
  },
};

describe('validateRequest', () => {
  it('accepts every operation\'s catalog example as sent by the sandbox tests', () => {
    const body = { cname: 'demo', uid: '527841', clientRequest: {} };
    expect(check('acquire', { path: { appid: APP }, body })).toEqual([]);
    expect(cloudPlayer(player())).toEqual([]);
    expect(check('list-channels', { path: { appid: APP }, query: { page_no: '0', page_size: '100' } })).toEqual([]);
  });

  it('reports a missing required value on its field, parameters before the body', () => {
    // Agora leaves the update's body optional, so only its sequence is missing here.
    const issues = check('update-cloud-player', { path: { region: 'na', appId: APP, playerid: 'p1' }, query: {}, body: undefined });
    expect(issues.map((issue) => [issue.location, issue.field, issue.kind, issue.message])).toEqual([['query', 'sequence', 'required', 'sequence is required.']]);
    const create = check('create-cloud-player', { path: { region: 'na', appId: APP }, body: undefined });
    expect(create.map((issue) => [issue.location, issue.field, issue.kind])).toEqual([
      ['header', 'Content-Type', 'required'],
      ['body', '', 'required'],
    ]);
    expect(issues[0]).toMatchObject({ path: ['sequence'], reason: 'is required.', fields: [['sequence']] });
    expect(issues[0].received).toBeUndefined();
  });

  it('treats empty text as no value', () => {
    expect(check('list-channels', { path: { appid: '' } })[0]).toMatchObject({ location: 'path', field: 'appid', kind: 'required' });
    expect(check('list-channels', { path: { appid: APP }, query: { page_size: '' } })).toEqual([]);
  });

  it('checks query values against their schema after turning text into numbers', () => {
    const [tooBig] = check('list-channels', { path: { appid: APP }, query: { page_size: '900' } });
    expect(tooBig).toMatchObject({ location: 'query', field: 'page_size', kind: 'range', limits: { maximum: 500 }, received: 900 });
    expect(tooBig.message).toBe('page_size must be at most 500.');
    const [word] = check('list-channels', { path: { appid: APP }, query: { page_size: 'ten' } });
    expect(word).toMatchObject({ kind: 'type', limits: { types: ['number'] }, reason: 'must be a number.', received: 'ten' });
  });

  it('checks declared headers, whatever the case of their name', () => {
    const [bad] = cloudPlayer(player(), {}, { 'x-request-id': 'has space' });
    expect(bad).toMatchObject({ location: 'header', field: 'X-Request-ID', kind: 'pattern' });
    expect(bad.message).toBe('X-Request-ID must be one or more characters: letters, digits, ".", "_", ":" and "-".');
    expect(cloudPlayer(player(), {}, { 'X-Request-ID': 'req-1' })).toEqual([]);
  });

  it('words enum, pattern, range and required issues of the body with their limits', () => {
    const body = { cname: 'demo', uid: '0', clientRequest: { scene: 9, resourceExpiredHour: 0 } };
    const issues = validateRequest(withRules, { path: { appid: APP }, body }, compileSchema);
    const byField = Object.fromEntries(issues.map((issue) => [issue.field, issue]));
    expect(byField.uid).toMatchObject({ kind: 'pattern', received: '0' });
    // A rule too long to be a hint is not pasted from the description (shown beside the field anyway), nor is the regex.
    expect(byField.uid.reason).toBe("is not in the form the field's description gives.");
    const hinted = structuredClone(withRules);
    hinted.requestBody!.schema.properties!.uid['x-pattern-hint'] = 'an integer from 1 to 4294967295 written as a string';
    const [uid] = validateRequest(hinted, { path: { appid: APP }, body: { ...body, clientRequest: { scene: 0, resourceExpiredHour: 1 } } }, compileSchema);
    expect(uid.message).toBe('uid must be an integer from 1 to 4294967295 written as a string.');
    expect(byField['clientRequest.scene']).toMatchObject({ kind: 'enum', limits: { allowed: [0, 1, 2] }, message: 'clientRequest.scene must be one of 0, 1, 2.' });
    expect(byField['clientRequest.resourceExpiredHour']).toMatchObject({ kind: 'range', path: ['clientRequest', 'resourceExpiredHour'], limits: { minimum: 1 } });
    const missing = check('start-recording', { path: { appid: APP, resourceid: 'r', mode: 'mix' }, body: { cname: 'demo', uid: '1', clientRequest: {} } });
    expect(missing.map((issue) => issue.message)).toEqual(['clientRequest.storageConfig is required.']);
  });

  it('says how to fix a value that is only in the wrong letter case', () => {
    const [region] = cloudPlayer(player(), { region: 'NA' });
    expect(region).toMatchObject({ location: 'path', kind: 'enum', reason: 'must be lowercase: use "na".', received: 'NA' });
    const [upper] = validateRequest(withRules, { path: { appid: APP }, body: { cname: 'demo', uid: '1', clientRequest: { region: 'eu' } } }, compileSchema);
    expect(upper.reason).toBe('must be uppercase: use "EU".');
  });

  it('explains uid XOR account: both, neither, and branches that exclude each other with `not`', () => {
    const [both] = cloudPlayer(player({ account: 'bob' }));
    expect(both).toMatchObject({
      kind: 'oneOf-exactly-one',
      path: ['player'],
      fields: [['player', 'uid'], ['player', 'account']],
      field: 'player.uid',
      limits: { alternatives: ['uid', 'account'] },
      reason: 'set only one of uid and account, not both: they exclude each other.',
      message: 'Set only one of uid and account, not both: they exclude each other.',
    });
    const [neither] = cloudPlayer({ player: { streamUrl: 'rtmp://x/y', channelName: 'demo' } });
    expect(neither.message).toBe('Set exactly one of uid and account.');
    // A plain oneOf (no `not`) passes both branches when both are given; still "not both".
    const [plainBoth] = bodyIssues(withBody({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] }), { a: 1, b: 10 }, compileSchema);
    expect(plainBoth).toMatchObject({ field: 'a', path: [], reason: 'set only one of a and b, not both: they exclude each other.' });
  });

  it('names array items by index and unknown properties by name', () => {
    const layout = { cname: 'demo', uid: '1', clientRequest: { layoutConfig: [{ x_axis: 0, y_axis: 0, width: 1, height: 1 }, { x_axis: 2, y_axis: 0, width: 1, height: 1 }] } };
    const [item] = check('update-layout', { path: { appid: APP, resourceid: 'r', sid: 's', mode: 'mix' }, body: layout });
    expect(item).toMatchObject({ path: ['clientRequest', 'layoutConfig', 1, 'x_axis'], field: 'clientRequest.layoutConfig[1].x_axis', message: 'clientRequest.layoutConfig[1].x_axis must be at most 1.' });
    const closed: OperationModel = { ...op('delete-ban-rule'), requestBody: { ...op('delete-ban-rule').requestBody!, schema: { ...op('delete-ban-rule').requestBody!.schema, additionalProperties: false } } };
    const [extra] = bodyIssues(closed, { appid: APP, id: 1, extra: true }, compileSchema);
    expect(extra).toMatchObject({ kind: 'additionalProperties', path: ['extra'], reason: 'is not a field of this request; remove it.' });
  });

  it('words list, size and type rules and a oneOf of types', () => {
    const listed = withBody({ type: 'object', properties: { privileges: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } } } });
    const [empty] = bodyIssues(listed, { privileges: [] }, compileSchema);
    expect(empty).toMatchObject({ kind: 'items', limits: { minItems: 1 }, message: 'privileges needs at least 1 item.' });
    const [twice] = bodyIssues(listed, { privileges: ['join_channel', 'join_channel'] }, compileSchema);
    expect(twice).toMatchObject({ kind: 'unique', reason: 'must not list the same value twice.' });
    const sparse: OperationModel = { ...op('update-cloud-player'), requestBody: { required: true, contentType: 'application/json', example: {}, schema: { type: 'object', properties: { player: { type: 'object', minProperties: 1 } } } } };
    const [nothing] = bodyIssues(sparse, { player: {} }, compileSchema);
    expect(nothing).toMatchObject({ kind: 'properties', message: 'player needs at least 1 field.' });
    const [root] = check('delete-ban-rule', { body: [] });
    expect(root).toMatchObject({ kind: 'type', field: '', message: 'The body must be an object.' });
    const typed: OperationModel = { ...op('delete-ban-rule'), requestBody: { required: true, contentType: 'application/json', example: {}, schema: { oneOf: [{ type: 'string' }, { type: 'array' }] } } };
    expect(bodyIssues(typed, 1, compileSchema)[0]).toMatchObject({ kind: 'type', limits: { types: ['string', 'array'] }, message: 'The body must be text or a list.' });
  });

  it('checks only what needs no schema engine until one is given', () => {
    expect(validateRequest(op('list-channels'), { path: { appid: 'nothex' }, query: { page_size: '900' } })).toEqual([]);
    expect(paramIssues(op('list-channels'), {}).map((issue) => issue.field)).toEqual(['appid']);
    expect(bodyIssues(op('acquire'), { uid: 5 })).toEqual([]);
  });

  it('checks a schema against the meta-schema in the sandbox\'s compiler, and judges requests alike in the browser\'s', () => {
    // The sandbox compiles every catalog schema with compileSchema at start-up, so a broken one stops it there.
    expect(() => compileSchema({ type: 'strng' } as never)).toThrow(/schema is invalid/);
    const schema = { type: 'object', required: ['uid'], properties: { uid: { type: 'string', maxLength: 3 } } };
    const acquire = { ...op('acquire'), requestBody: { ...op('acquire').requestBody!, schema } };
    expect(bodyIssues(acquire, { uid: 'abcd' }, compileCatalogSchema).map((issue) => issue.kind)).toEqual(['length']);
    for (const body of [{ uid: 'abc' }, { uid: 'abcd' }, {}]) {
      expect(bodyIssues(acquire, body, compileCatalogSchema)).toEqual(bodyIssues(acquire, body, compileSchema));
    }
  });
});

describe('plain words for formats', () => {
  it('describes the catalog\'s patterns instead of pasting them', () => {
    expect(describePattern('^[0-9a-fA-F]{32}$')).toBe('32 hexadecimal characters');
    expect(describePattern('^[A-Za-z0-9]{1,63}$')).toBe('1–63 letters or digits');
    expect(describePattern('^#[0-9a-fA-F]{6}$')).toBe('"#" followed by 6 hexadecimal characters');
    expect(describePattern('^[0-9]{1,10}$')).toBe('1–10 digits');
    expect(describePattern('^(rtmp|rtmps|rtsp|http|https)://\\S+$')).toBe(
      'text starting with "rtmp://", "rtmps://", "rtsp://", "http://" or "https://", with no spaces',
    );
    expect(describePattern('^channelName eq .+$')).toBe('text starting with "channelName eq "');
    expect(describePattern('^[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}$')).toBe(
      '1–64 characters: letters, digits, !#$%&()+-:;<=.>?@[]^_{}|~, and space',
    );
  });

  it('leaves shapes it cannot word to the description, then to a sentence that never pastes the pattern', () => {
    expect(describePattern('^(?:[1-9][0-9]{0,8}|42[0-8][0-9]{7})$')).toBeUndefined();
    expect(describePattern('a+')).toBeUndefined();
    expect(describePattern('^a+$')).toBeUndefined();
    expect(formatRule({ description: 'Channel name as the guide states it: alphanumeric and under 64 characters.\n(More.)' }, '^(a|b)+$')).toBe(
      'must be alphanumeric and under 64 characters.',
    );
    expect(formatRule({ description: 'No rule here.' }, '^(a|b)+$')).toBe("is not in the form the field's description gives.");
    expect(formatRule({ 'x-pattern-hint': 'a or b, repeated' }, '^(a|b)+$')).toBe('must be a or b, repeated.');
  });

  it('turns parameter text into typed values', () => {
    expect(valueFromText({ type: 'integer' }, '42')).toBe(42);
    expect(valueFromText({ type: 'integer' }, '4x')).toBe('4x');
    expect(valueFromText({ type: 'integer' }, ' ')).toBe(' ');
    expect(valueFromText({ type: 'integer', enum: [0, 1] }, '1')).toBe(1);
    expect(valueFromText({ type: 'boolean' }, 'false')).toBe(false);
    expect(valueFromText({ type: 'string' }, '007')).toBe('007');
    expect(valueFromText({ type: 'string' }, '')).toBeUndefined();
  });
});
