import { describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../catalog';
import { dottedPath, walkSchema } from '../catalog/schemaWalk';
import type { OperationModel } from '../catalog/types';
import { defaultRequest } from './build';
import { redactSecrets, secretPaths, secretsPresent } from './secrets';

// A hand-made operation, so these rules do not move with the catalog.
const op: OperationModel = {
  ...getOperation('create-cloud-player'),
  id: 'secret-fixture',
  pathParams: [],
  queryParams: [{ name: 'sig', in: 'query', required: false, description: '', schema: { type: 'string', 'x-secret': true } }],
  headerParams: [{ name: 'X-Request-ID', in: 'header', required: false, description: '', schema: { type: 'string' } }],
  requestBody: {
    required: true,
    contentType: 'application/json',
    example: {},
    schema: {
      type: 'object',
      properties: {
        storage: {
          type: 'object',
          properties: { bucket: { type: 'string' }, secretKey: { type: 'string', 'x-secret': 'AGORA_STORAGE_SECRET_KEY' } },
        },
        services: { type: 'array', items: { type: 'object', properties: { apiKey: { type: 'string', 'x-secret': true } } } },
      },
    },
  },
};
op.params = [...op.pathParams, ...op.queryParams, ...op.headerParams];

const request = {
  pathParams: {},
  query: { sig: 's3cr3t-sig' },
  headers: { 'X-Request-ID': 'req-1' },
  body: { storage: { bucket: 'b', secretKey: 'SECRET-1' }, services: [{ apiKey: 'KEY-1' }, { apiKey: '' }, {}] },
};

describe('secretPaths', () => {
  it('lists marked parameters and body fields, with the variable snippets read', () => {
    expect(secretPaths(op).map((s) => [s.in, s.name, s.env])).toEqual([
      ['query', 'sig', 'AGORA_SIG'],
      ['body', 'storage.secretKey', 'AGORA_STORAGE_SECRET_KEY'],
      ['body', 'services[].apiKey', 'AGORA_API_KEY'],
    ]);
  });
});

describe('redactSecrets', () => {
  it('empties every secret value, in arrays too, and leaves the rest and the original alone', () => {
    const before = structuredClone(request);
    const out = redactSecrets(request, op);
    expect(out).toEqual({
      pathParams: {},
      query: { sig: '' },
      headers: { 'X-Request-ID': 'req-1' },
      body: { storage: { bucket: 'b', secretKey: '' }, services: [{ apiKey: '' }, { apiKey: '' }, {}] },
    });
    expect(request).toEqual(before);
    expect(JSON.stringify(out)).not.toMatch(/SECRET-1|KEY-1|s3cr3t/);
  });

  it('takes a replacement per secret (snippets put a marker there)', () => {
    const out = redactSecrets(request, op, (secret) => `<${secret.env}>`);
    expect(out.query.sig).toBe('<AGORA_SIG>');
    expect(out.body).toMatchObject({ storage: { secretKey: '<AGORA_STORAGE_SECRET_KEY>' }, services: [{ apiKey: '<AGORA_API_KEY>' }, { apiKey: '' }, {}] });
  });

  it('names what it takes out, and returns a request without secrets unchanged', () => {
    expect(secretsPresent(request, op).map((s) => s.name)).toEqual(['sig', 'storage.secretKey', 'services[].apiKey']);
    const clean = { pathParams: {}, query: {}, headers: {}, body: { storage: { bucket: 'b' } } };
    expect(secretsPresent(clean, op)).toEqual([]);
    expect(redactSecrets(clean, op)).toBe(clean);
  });

  it('redacts the catalog default of start-recording (storage keys) and create-cloud-player', () => {
    const start = getOperation('start-recording');
    const redacted = redactSecrets(defaultRequest(start), start);
    expect(JSON.stringify(redacted.body)).not.toMatch(/demo-secret-key|demo-access-key/);
    expect(redacted.body).toMatchObject({ clientRequest: { storageConfig: { bucket: 'demo-bucket', secretKey: '', accessKey: '' } } });
  });
});

/**
 * Property and parameter names that look like a secret. A field matching one
 * is either marked `x-secret` in its family's catalog part or listed below with
 * the reason it is not a secret.
 */
const LOOKS_SECRET = /secret|password|passwd|token|credential|private|(^|[a-z])key$/i;
const NOT_SECRET: Record<string, string> = {
  pageToken: 'a pagination cursor from the previous answer (nextPageToken): it grants nothing and is safe in a link',
  builderToken:
    "Cloud Transcoding's task handle from acquire: it works only with the caller's own Basic credentials, travels in Agora's URL by design, and chains from one tester to the next",
  credential_mode: 'Conversational AI names who provides a vendor key (managed or byok); the mode itself is no credential',
};

describe('every secret-looking field of the catalog is marked', () => {
  const cases = listOperations().flatMap((operation) => {
    const params = operation.params.map((param) => ({ where: `${operation.id} ${param.in} ${param.name}`, name: param.name, marked: secretPaths(operation).some((s) => s.in === param.in && s.name === param.name) }));
    const fields = operation.requestBody
      ? walkSchema(operation.requestBody.schema).map((field) => ({ where: `${operation.id} body ${dottedPath(field.path)}`, name: field.name, marked: field.secret }))
      : [];
    return [...params, ...fields];
  });

  it('finds the known secrets (storage keys, STS and RTC tokens, encryption keys, CDN push addresses with their stream key)', () => {
    const marked = new Set(cases.filter((c) => c.marked).map((c) => c.name));
    expect([...marked].sort()).toEqual(['accessKey', 'accesskey', 'api_key', 'encryptKey', 'encryption_key', 'key', 'pubBotToken', 'rtcToken', 'rtmpUrl', 'secret', 'secretKey', 'secretkey', 'stsToken', 'subBotToken', 'token']);
  });

  it.each(cases.filter((c) => LOOKS_SECRET.test(c.name)))('$where', ({ name, marked }) => {
    if (marked) return;
    expect(NOT_SECRET[name], `${name} looks secret: mark it x-secret in the catalog or list it in NOT_SECRET with a reason`).toBeDefined();
  });

  it('gives every secret its own environment variable name, AGORA_ and upper snake case', () => {
    for (const operation of listOperations()) {
      for (const secret of secretPaths(operation)) expect(secret.env, `${operation.id} ${secret.name}`).toMatch(/^AGORA_[A-Z0-9_]+$/);
    }
  });
});
