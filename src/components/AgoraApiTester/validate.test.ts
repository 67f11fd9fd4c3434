import { describe, expect, it } from 'vitest';
import { compileCatalogSchema } from '../../catalog/ajv';
import type { OperationModel } from '../../catalog/types';
import { initialForm, setBodyField, setBodyText, setParam, type FormState } from './formModel';
import { fieldValue, sameFieldMessages, summarize, validateForm as validateWith } from './validate';
import { createChannel, createCloudPlayer, listCloudPlayers } from './testing/fixtures';

// Hand-made models (testing/fixtures.ts), which have no precompiled checks: judged by Ajv compiling at run time,
// as the precompiled checks do (src/catalog/checks.test.ts).
const validateForm = (op: OperationModel, form: FormState) => validateWith(op, form, compileCatalogSchema);

describe('validateForm', () => {
  it('accepts every default form (Send works at once)', () => {
    for (const op of [createChannel, createCloudPlayer, listCloudPlayers]) {
      expect(validateForm(op, initialForm(op)).errors).toEqual([]);
    }
  });

  it('reports a missing required path param on its field', () => {
    const result = validateForm(createChannel, setParam(initialForm(createChannel), 'path', 'projectId', ''));
    expect(result.valid).toBe(false);
    expect(result.byField['path.projectId']).toEqual(['Required.']);
  });

  it('checks query params against their schema after coercion', () => {
    const form = setParam(initialForm(listCloudPlayers), 'query', 'pageSize', '900');
    expect(validateForm(listCloudPlayers, form).byField['query.pageSize']).toEqual(['Must be at most 500.']);
    const notNumber = setParam(initialForm(listCloudPlayers), 'query', 'pageSize', 'ten');
    expect(validateForm(listCloudPlayers, notNumber).byField['query.pageSize']).toEqual(['Must be a whole number.']);
  });

  it('maps body pattern, range, enum and required errors to their fields', () => {
    let form = setBodyField(initialForm(createChannel), ['channel'], 'bad name!');
    form = setBodyField(form, ['clientRequest', 'resourceExpiredHour'], 0);
    form = setBodyField(form, ['clientRequest', 'recordingConfig', 'streamTypes'], 7);
    form = setBodyField(form, ['uid'], undefined);
    const { byField } = validateForm(createChannel, form);
    // The pattern in words, never the raw regex or the whole description; the field's own name is its label, not repeated.
    expect(byField['body.channel']).toEqual(['Must be 1–63 characters: letters, digits, "_" and "-".']);
    expect(byField['body.clientRequest.resourceExpiredHour']).toEqual(['Must be at least 1.']);
    expect(byField['body.clientRequest.recordingConfig.streamTypes']).toEqual(['Must be one of 0, 1, 2.']);
    expect(byField['body.uid']).toEqual(['Required.']);
    // The summary next to Send names each field.
    expect(summarize(validateForm(createChannel, form))).toContain('channel must be 1–63 characters: letters, digits, "_" and "-".');
  });

  it('explains uid XOR account in plain words, on both fields', () => {
    const both = setBodyField(initialForm(createCloudPlayer), ['player', 'account'], 'alice');
    const bothResult = validateForm(createCloudPlayer, both);
    expect(bothResult.byField['body.player.uid']).toEqual(['Set only one of uid and account, not both: they exclude each other.']);
    expect(bothResult.byField['body.player.account']).toEqual(bothResult.byField['body.player.uid']);
    expect(summarize(bothResult)).toEqual(['Set only one of uid and account, not both: they exclude each other.']);

    const neither = setBodyField(initialForm(createCloudPlayer), ['player', 'uid'], undefined);
    expect(validateForm(createCloudPlayer, neither).byField['body.player.uid']).toEqual(['Set exactly one of uid and account.']);
  });

  it('says "not both" also when the branches exclude each other with `not`', () => {
    const op = structuredClone(createCloudPlayer);
    const player = op.requestBody!.schema.properties!.player;
    player.oneOf = [
      { required: ['uid'], not: { required: ['account'] } },
      { required: ['account'], not: { required: ['uid'] } },
    ];
    const both = setBodyField(initialForm(op), ['player', 'account'], 'alice');
    expect(validateForm(op, both).byField['body.player.account']).toEqual(['Set only one of uid and account, not both: they exclude each other.']);
  });

  it('blocks a body that does not parse', () => {
    const result = validateForm(createChannel, setBodyText(initialForm(createChannel), '{'));
    expect(result.byField.body[0]).toMatch(/^The JSON body does not parse yet/);
    // The last body that parsed is not judged meanwhile: the text is what the reader sees.
    expect(result.errors).toHaveLength(1);
  });

  it('blocks an empty body the operation needs', () => {
    const result = validateForm(createChannel, setBodyText(initialForm(createChannel), ''));
    expect(result.byField.body).toEqual(['The body is required: send a JSON object.']);
  });

  it('shows a list item\'s problem under the list\'s input, an unknown field\'s under its object', () => {
    const op = structuredClone(createChannel);
    const clientRequest = op.requestBody!.schema.properties!.clientRequest;
    clientRequest.additionalProperties = false;
    clientRequest.properties!.layout = { type: 'array', items: { type: 'object', properties: { x: { type: 'number', maximum: 1 } } } };
    let form = setBodyField(initialForm(op), ['clientRequest', 'layout'], [{ x: 0 }, { x: 2 }]);
    form = setBodyField(form, ['clientRequest', 'extra'], true);
    const { byField } = validateForm(op, form);
    expect(byField['body.clientRequest.layout']).toEqual(['clientRequest.layout[1].x must be at most 1.']);
    expect(byField['body.clientRequest']).toEqual(['clientRequest.extra is not a field of this request; remove it.']);
  });

  it('checks header values too', () => {
    const op = structuredClone(createCloudPlayer);
    op.headerParams[0].schema = { type: 'string', maxLength: 4 };
    const result = validateForm(op, setParam(initialForm(op), 'header', 'X-Request-ID', 'too-long'));
    expect(result.byField['header.X-Request-ID']).toEqual(['Can have at most 4 characters.']);
  });
});

describe('fieldValue', () => {
  it('reads a parameter or body field by its form key, as comparable text', () => {
    let form = setParam(initialForm(listCloudPlayers), 'query', 'pageSize', '20');
    expect(fieldValue(form, 'query.pageSize')).toBe('20');
    form = setBodyField(initialForm(createChannel), ['channel'], 'demo');
    expect(fieldValue(form, 'body.channel')).toBe('"demo"');
    expect(fieldValue(form, 'body.nothing.here')).toBe('');
    expect(fieldValue(form, 'header.X-Missing')).toBe('');
  });
});

describe('sameFieldMessages', () => {
  it('is true only for the same messages, in the same order, on the same fields', () => {
    const shown = { 'body.channel': ['Must be 1–63 letters or digits'], 'path.appid': ['Required'] };
    expect(sameFieldMessages(shown, { 'path.appid': ['Required'], 'body.channel': ['Must be 1–63 letters or digits'] })).toBe(true);
    expect(sameFieldMessages({}, {})).toBe(true);
    expect(sameFieldMessages(shown, { 'body.channel': ['Must be 1–63 letters or digits'] })).toBe(false);
    expect(sameFieldMessages(shown, { ...shown, 'path.appid': ['Required', 'Too short'] })).toBe(false);
    expect(sameFieldMessages(shown, { ...shown, 'path.appid': ['Too short'] })).toBe(false);
    expect(sameFieldMessages(shown, { 'body.channel': shown['body.channel'], 'path.sid': ['Required'] })).toBe(false);
    expect(sameFieldMessages({ a: ['x', 'y'] }, { a: ['y', 'x'] })).toBe(false);
  });
});
