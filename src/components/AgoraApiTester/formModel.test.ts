import { describe, expect, it } from 'vitest';
import { requestFromValues } from '../../request/build';
import { getOperation } from '../../catalog/index';
import {
  addCustom,
  bodyFieldKey,
  bodyTree,
  coerceLeaf,
  customKey,
  formFromRequest,
  getAt,
  groupStartsOpen,
  hasMessageWithin,
  initialForm,
  isFilled,
  removeCustom,
  setAt,
  setBodyField,
  setBodyText,
  setCustom,
  setParam,
} from './formModel';
import { createChannel, createCloudPlayer, listCloudPlayers } from './testing/fixtures';

describe('initialForm', () => {
  it('pre-fills path params from examples and the body from the catalog example', () => {
    const form = initialForm(createChannel);
    expect(form.server).toBe('api.agora.io');
    expect(form.path).toEqual({ projectId: '0123456789abcdef0123456789abcdef' });
    expect(form.body).toEqual(createChannel.requestBody!.example);
    expect(JSON.parse(form.bodyText)).toEqual(form.body);
    expect(form.bodyParseError).toBeNull();
  });

  it('pre-fills query params from schema defaults and leaves others empty', () => {
    const form = initialForm(listCloudPlayers);
    expect(form.query).toEqual({ pageSize: '200', pageToken: '', filter: '' });
    expect(form.body).toBeUndefined();
  });

  it('does not share the catalog example object (edits never leak into the catalog)', () => {
    const form = setBodyField(initialForm(createChannel), ['channel'], 'x');
    expect((createChannel.requestBody!.example as { channel: string }).channel).toBe('my-video-channel');
    expect(getAt(form.body, ['channel'])).toBe('x');
  });
});

describe('body sync', () => {
  it('a form edit rewrites the JSON text', () => {
    const form = setBodyField(initialForm(createChannel), ['clientRequest', 'resourceExpiredHour'], 48);
    expect(JSON.parse(form.bodyText).clientRequest.resourceExpiredHour).toBe(48);
  });

  it('JSON text that parses becomes the body; text that does not keeps the last body', () => {
    let form = setBodyText(initialForm(createChannel), '{"channel":"abc","uid":"1"}');
    expect(form.body).toEqual({ channel: 'abc', uid: '1' });
    form = setBodyText(form, '{"channel":"abc",');
    expect(form.body).toEqual({ channel: 'abc', uid: '1' });
    expect(form.bodyParseError).toMatch(/JSON/);
    expect(form.bodyText).toBe('{"channel":"abc",');
  });

  it('clearing a field removes it and prunes emptied objects', () => {
    const root = { a: { b: { c: 1 } }, d: 2 };
    expect(setAt(root, ['a', 'b', 'c'], undefined)).toEqual({ d: 2 });
    expect(root.a.b.c).toBe(1);
  });
});

describe('bodyTree', () => {
  it('describes nested objects, enums and required marks', () => {
    const tree = bodyTree(createChannel.requestBody!.schema);
    expect(tree.kind).toBe('object');
    if (tree.kind !== 'object') return;
    const names = tree.children.map((child) => [child.name, child.kind, child.required]);
    expect(names).toEqual([
      ['channel', 'string', true],
      ['uid', 'string', true],
      ['clientRequest', 'object', false],
    ]);
    const clientRequest = tree.children[2];
    if (clientRequest.kind !== 'object') throw new Error('expected object');
    const recordingConfig = clientRequest.children[1];
    if (recordingConfig.kind !== 'object') throw new Error('expected object');
    expect(recordingConfig.children[0]).toMatchObject({ name: 'channelType', kind: 'enum', path: ['clientRequest', 'recordingConfig', 'channelType'] });
  });

  it('keeps both sides of a oneOf as fields', () => {
    const tree = bodyTree(createCloudPlayer.requestBody!.schema);
    if (tree.kind !== 'object' || tree.children[0].kind !== 'object') throw new Error('expected objects');
    expect(tree.children[0].children.map((child) => child.name)).toEqual(expect.arrayContaining(['uid', 'account']));
  });

  it('edits a list of objects as one JSON input, and finds the field that shows a message', () => {
    const schema = { type: 'object', properties: { list: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' } } } } } };
    const tree = bodyTree(schema);
    if (tree.kind !== 'object') throw new Error('expected object');
    expect(tree.children.map((child) => [child.name, child.kind])).toEqual([['list', 'json']]);
    expect(bodyFieldKey(schema, ['list', 2, 'x'])).toBe('body.list');
    expect(bodyFieldKey(schema, ['unknown', 'deeper'])).toBe('body');
    const channel = createChannel.requestBody!.schema;
    expect(bodyFieldKey(channel, ['clientRequest', 'recordingConfig', 'streamTypes'])).toBe('body.clientRequest.recordingConfig.streamTypes');
    expect(bodyFieldKey(channel, ['clientRequest', 'extra'])).toBe('body.clientRequest');
  });
});

describe('coercion and restore', () => {
  it('turns input text into typed values', () => {
    expect(coerceLeaf('integer', {}, '42')).toBe(42);
    expect(coerceLeaf('integer', {}, '4x')).toBe('4x');
    expect(coerceLeaf('enum', { enum: [0, 1] }, '1')).toBe(1);
    expect(coerceLeaf('boolean', {}, 'true')).toBe(true);
    expect(coerceLeaf('string', {}, '')).toBeUndefined();
  });

  it('restores a request but drops unknown params and unknown servers', () => {
    const form = formFromRequest(createChannel, {
      server: 'evil.example.com',
      pathParams: { projectId: 'abc', other: 'x' },
      query: {},
      headers: {},
      body: { channel: 'restored', uid: '7' },
    });
    expect(form.server).toBe('api.agora.io');
    expect(form.path).toEqual({ projectId: 'abc' });
    expect(form.body).toEqual({ channel: 'restored', uid: '7' });
    expect(setParam(form, 'path', 'projectId', 'z').path.projectId).toBe('z');
  });
});

describe('custom headers and query rows', () => {
  it('add, edit and remove rows without touching the catalog parameters', () => {
    const start = initialForm(listCloudPlayers);
    expect(start.custom).toEqual([]);
    let form = addCustom(addCustom(start, 'header'), 'query');
    form = setCustom(form, 0, { name: 'X-Trace-Id', value: 't1' });
    form = setCustom(form, 1, { name: 'debug', value: 'on' });
    expect(form.custom).toEqual([
      { in: 'header', name: 'X-Trace-Id', value: 't1' },
      { in: 'query', name: 'debug', value: 'on' },
    ]);
    expect(form.query).toEqual(start.query);
    const request = requestFromValues(listCloudPlayers, form);
    expect(request.headers['X-Trace-Id']).toBe('t1');
    expect(request.query.debug).toBe('on');
    // The request restores the same rows.
    expect(formFromRequest(listCloudPlayers, request).custom).toEqual(form.custom);
    expect(removeCustom(form, 0).custom).toEqual([{ in: 'query', name: 'debug', value: 'on' }]);
    expect(setCustom(form, 1, { in: 'header' }).custom[1]).toEqual({ in: 'header', name: 'debug', value: 'on' });
    expect(customKey(1)).toBe('custom.1');
  });
});

describe('groups of body fields', () => {
  it('start open when filled, flagged, or required near the top; otherwise closed', () => {
    const base = { required: false, depth: 1, filled: false, flagged: false };
    expect(groupStartsOpen(base)).toBe(false);
    expect(groupStartsOpen({ ...base, filled: true, depth: 5 })).toBe(true);
    expect(groupStartsOpen({ ...base, flagged: true, depth: 5 })).toBe(true);
    expect(groupStartsOpen({ ...base, required: true, depth: 2 })).toBe(true);
    expect(groupStartsOpen({ ...base, required: true, depth: 3 })).toBe(false);
  });

  it('count as filled with any value but an empty object', () => {
    expect(isFilled(undefined)).toBe(false);
    expect(isFilled({})).toBe(false);
    expect(isFilled({ a: undefined })).toBe(true);
    expect(isFilled([])).toBe(true);
    expect(isFilled(0)).toBe(true);
    expect(isFilled('')).toBe(true);
    expect(isFilled(null)).toBe(true);
  });

  it('see a message about the group or a field inside it, not about a sibling with a longer name', () => {
    const errors = { 'body.clientRequest.storageConfig.bucket': ['required'], 'body.uidx': ['too long'], 'body.empty': [] };
    expect(hasMessageWithin(errors, 'body.clientRequest')).toBe(true);
    expect(hasMessageWithin(errors, 'body.clientRequest.storageConfig')).toBe(true);
    expect(hasMessageWithin(errors, 'body.uid')).toBe(false);
    expect(hasMessageWithin(errors, 'body.uidx')).toBe(true);
    expect(hasMessageWithin(errors, 'body.empty')).toBe(false);
  });

  it('keep a large body light: start-agent opens only a few of its groups with the example body', () => {
    const op = getOperation('start-agent');
    const tree = bodyTree(op.requestBody!.schema);
    const body = initialForm(op).body;
    let open = 0;
    let closed = 0;
    const visit = (node: ReturnType<typeof bodyTree>, depth: number) => {
      if (node.kind !== 'object') return;
      if (depth > 0) {
        const starts = groupStartsOpen({ required: node.required, depth, filled: isFilled(getAt(body, node.path)), flagged: false });
        if (starts) open++;
        else {
          closed++;
          return;
        }
      }
      for (const child of node.children) visit(child, depth + 1);
    };
    visit(tree, 0);
    expect(closed).toBeGreaterThan(open);
  });
});
