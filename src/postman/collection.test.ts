// The Postman files as data: the collection format's required fields, catalog
// order, and the promise that credentials and secrets are variables, never values.
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../catalog/ajv';
import { familyList, listOperations } from '../catalog';
import type { JsonSchema } from '../catalog/types';
import { DEMO } from '../sandbox';
import { COLLECTION_SCHEMA, type PostmanRequestItem } from './format';
import { sitePostmanFiles } from './index';
import { chainVariable, variableName } from './collection';

const SITE = 'https://docs.example.com';
const { collection, sandbox, live } = sitePostmanFiles(SITE);
const items: PostmanRequestItem[] = collection.item.flatMap((folder) => folder.item);
const byId = (id: string) => items.find((item) => item.id === id)!;
const scriptOf = (item: PostmanRequestItem, listen: 'test' | 'prerequest') => item.event.find((e) => e.listen === listen)?.script.exec.join('\n') ?? '';

/**
 * The fields Postman's v2.1.0 schema requires (collection: info + item; info:
 * name + schema; item: request; folder: item; header/query: key; event: listen;
 * auth: type), with the values this site writes.
 */
const keyValue: JsonSchema = { type: 'object', required: ['key', 'value'], properties: { key: { type: 'string', minLength: 1 }, value: { type: 'string' } } };
const auth: JsonSchema = { type: 'object', required: ['type'], properties: { type: { enum: ['basic', 'bearer', 'noauth'] } } };
const requestItem: JsonSchema = {
  type: 'object',
  required: ['name', 'request'],
  properties: {
    name: { type: 'string', minLength: 1 },
    request: {
      type: 'object',
      required: ['method', 'url'],
      properties: {
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        header: { type: 'array', items: keyValue },
        url: {
          type: 'object',
          required: ['raw', 'host', 'path'],
          properties: { host: { type: 'array', items: { type: 'string' } }, path: { type: 'array', items: { type: 'string' } }, query: { type: 'array', items: keyValue }, variable: { type: 'array', items: keyValue } },
        },
        body: { type: 'object', required: ['mode', 'raw'], properties: { mode: { const: 'raw' } } },
        auth,
        description: { type: 'string' },
      },
    },
    event: {
      type: 'array',
      items: { type: 'object', required: ['listen', 'script'], properties: { listen: { enum: ['prerequest', 'test'] }, script: { type: 'object', required: ['exec'], properties: { exec: { type: 'array', items: { type: 'string' } } } } } },
    },
    response: { type: 'array', items: { type: 'object', required: ['code', 'body'] } },
  },
};
const collectionShape: JsonSchema = {
  type: 'object',
  required: ['info', 'item'],
  properties: {
    info: { type: 'object', required: ['name', 'schema'], properties: { name: { type: 'string' }, schema: { const: COLLECTION_SCHEMA } } },
    auth,
    variable: { type: 'array', items: { type: 'object', required: ['key'] } },
    item: { type: 'array', minItems: 1, items: { type: 'object', required: ['name', 'item'], properties: { item: { type: 'array', items: requestItem } } } },
  },
};
const environmentShape: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'values', '_postman_variable_scope'],
  properties: {
    _postman_variable_scope: { const: 'environment' },
    values: { type: 'array', items: { type: 'object', required: ['key', 'value', 'type', 'enabled'], properties: { type: { enum: ['default', 'secret'] } } } },
  },
};

describe('Postman collection', () => {
  it('has the fields Postman v2.1.0 requires', () => {
    const check = compileSchema(collectionShape);
    expect(check(collection), JSON.stringify(check.errors)).toBe(true);
    for (const environment of [sandbox, live]) {
      const checkEnv = compileSchema(environmentShape);
      expect(checkEnv(environment), JSON.stringify(checkEnv.errors)).toBe(true);
    }
  });

  it('has one folder per family and one request per operation, in catalog order', () => {
    expect(collection.item.map((folder) => folder.name)).toEqual(familyList.map((family) => family.title));
    expect(items.map((item) => [item.id, item.name, item.request.method])).toEqual(listOperations().map((op) => [op.id, op.summary, op.method]));
  });

  it('links every request to its reference section', () => {
    for (const op of listOperations()) expect(byId(op.id).request.description).toContain(`(${SITE}${op.referencePath})`);
    expect(collection.item[0].description).toContain(`${SITE}/docs/reference/${familyList[0].page}`);
  });

  it('builds URLs on {{baseUrl}} with Postman path variables that all have a value', () => {
    for (const op of listOperations()) {
      const { url } = byId(op.id).request;
      expect(url.host).toEqual(['{{baseUrl}}']);
      expect(`/${url.path.join('/')}`).toBe(op.path.replace(/\{([^}]+)\}/g, ':$1'));
      expect(url.raw.startsWith(`{{baseUrl}}/${url.path.join('/')}`)).toBe(true);
      expect((url.variable ?? []).map((v) => v.key)).toEqual(op.pathParams.map((p) => p.name));
      for (const variable of url.variable ?? []) expect(variable.value, `${op.id} ${variable.key}`).not.toBe('');
    }
    // Query values from the catalog examples; declared optional ones are listed switched off.
    const list = byId('list-cloud-players').request.url;
    expect(list.query).toContainEqual(expect.objectContaining({ key: 'filter', value: 'channelName eq demo' }));
    expect(list.raw).toContain('?pageSize=200&filter=channelName eq demo');
  });

  it('never carries a credential, secret or App ID value, only variables', () => {
    // Values only: the descriptions may name the sandbox's public demo values (the Sandbox page does).
    const requests = JSON.stringify(items.map((item) => item.request), (key, value: unknown) => (key === 'description' ? undefined : value));
    for (const value of [DEMO.customerId, DEMO.customerSecret, DEMO.token, DEMO.appId, 'demo-secret-key', 'demo-access-key']) {
      expect(requests).not.toContain(value);
    }
    expect(JSON.stringify(collection)).not.toContain(DEMO.customerSecret);
    expect(collection.auth).toEqual({
      type: 'basic',
      basic: [
        { key: 'username', value: '{{customerId}}', type: 'string' },
        { key: 'password', value: '{{customerSecret}}', type: 'string' },
      ],
    });
    // The guide's get-channel is the one Bearer call; every other request inherits Basic.
    expect(byId('get-channel').request.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
    expect(items.filter((item) => item.request.auth).map((item) => item.id)).toEqual(['get-channel']);
    const start = JSON.parse(byId('start-recording').request.body!.raw) as { clientRequest: { storageConfig: Record<string, string> } };
    expect(start.clientRequest.storageConfig).toMatchObject({ accessKey: '{{storageAccessKey}}', secretKey: '{{storageSecretKey}}' });
    expect(JSON.parse(byId('create-ban-rule').request.body!.raw)).toMatchObject({ appid: '{{appId}}' });
    expect(byId('acquire').request.url.variable).toContainEqual(expect.objectContaining({ key: 'appid', value: '{{appId}}' }));
  });

  it('gives the Sandbox environment the public demo values and Live none, secrets typed secret', () => {
    const values = (env: typeof sandbox) => Object.fromEntries(env.values.map((v) => [v.key, v.value]));
    expect(values(sandbox)).toMatchObject({
      baseUrl: `${SITE}/sandbox`,
      customerId: DEMO.customerId,
      customerSecret: DEMO.customerSecret,
      token: DEMO.token,
      appId: DEMO.appId,
      storageSecretKey: 'demo-secret-key',
    });
    expect(values(live).baseUrl).toBe('https://api.agora.io');
    expect(live.values.filter((v) => v.key !== 'baseUrl').every((v) => v.value === '')).toBe(true);
    expect(live.values.map((v) => v.key)).toEqual(sandbox.values.map((v) => v.key));
    for (const env of [sandbox, live]) {
      for (const key of ['customerId', 'customerSecret', 'token', 'storageAccessKey', 'storageSecretKey']) {
        expect(env.values.find((v) => v.key === key)?.type, `${env.name} ${key}`).toBe('secret');
      }
    }
  });

  it('stores every chained id from the call that produces it', () => {
    const chained = listOperations().flatMap((op) => op.params.filter((p) => p.valueFrom).map((param) => ({ op, param })));
    expect(chained.length).toBeGreaterThan(0);
    for (const { op, param } of chained) {
      const variable = chainVariable(param)!;
      // A chained path id is a path variable; a chained query value (Cloud Transcoding's builderToken) a query item.
      const where = param.in === 'query' ? byId(op.id).request.url.query : byId(op.id).request.url.variable;
      expect(where).toContainEqual(expect.objectContaining({ key: param.name, value: `{{${variable}}}` }));
      expect(scriptOf(byId(param.valueFrom!.operationId), 'test')).toContain(`pm.collectionVariables.set(${JSON.stringify(variable)}`);
      expect(collection.variable.map((v) => v.key)).toContain(variable);
    }
    expect(variableName('player.id')).toBe('playerId');
  });

  it('tests every answer for a 2xx, and holds stop until the recording has run', () => {
    for (const item of items) expect(scriptOf(item, 'test')).toContain('pm.expect(pm.response.code).to.be.within(200, 299)');
    expect(scriptOf(byId('stop-recording'), 'prerequest')).toMatch(/startRecordingAt.*\+ 2000 - Date\.now\(\)/);
    expect(scriptOf(byId('start-recording'), 'test')).toContain('pm.collectionVariables.set("startRecordingAt"');
    expect(items.filter((item) => scriptOf(item, 'prerequest')).map((item) => item.id)).toEqual(['stop-recording']);
  });

  it('saves the catalog success example as an example answer', () => {
    const acquire = byId('acquire').response[0];
    expect(acquire.code).toBe(200);
    expect(JSON.parse(acquire.body)).toHaveProperty('resourceId');
  });
});
