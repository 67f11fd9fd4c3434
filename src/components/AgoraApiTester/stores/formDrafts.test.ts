import { describe, expect, it } from 'vitest';
import { getOperation } from '../../../catalog';
import { defaultRequest } from '../../../request/build';
import { createChannel } from '../testing/fixtures';
import { createDraftStore, draftKey, linkId, parseDraft, toDraft } from './formDrafts';
import { memoryStorage } from './testing';

const start = getOperation('start-recording');

function startWithSecrets() {
  const body = structuredClone(defaultRequest(start).body) as { clientRequest: { storageConfig: Record<string, unknown> } };
  Object.assign(body.clientRequest.storageConfig, { secretKey: 'MY-S3CRET-KEY' });
  return defaultRequest(start, { pathParams: { resourceid: 'r1' }, body, headers: { Authorization: 'Basic c2VjcmV0', 'X-Trace-Id': 't1', 'X-Api-Key': 'k1' } });
}

describe('form drafts', () => {
  it('keep the request per page and operation in storage, with the Simulate choice', () => {
    const storage = memoryStorage();
    const store = createDraftStore('/docs/a', 'create-channel', storage);
    const request = defaultRequest(createChannel, { body: { channel: 'kept' } });
    store.set(toDraft(request, createChannel, { fault: '503' }));
    const again = createDraftStore('/docs/a', 'create-channel', storage).get()!;
    expect(again.fault).toBe('503');
    expect(again.request.body).toEqual({ channel: 'kept' });
    expect(createDraftStore('/docs/b', 'create-channel', storage).get()).toBeNull();
    expect(createDraftStore('/docs/a', 'get-channel', storage).get()).toBeNull();
    store.set(null);
    expect(storage.data.has(draftKey('/docs/a', 'create-channel'))).toBe(false);
  });

  it('never store credentials, secret fields or credential-like custom headers, and name the secrets to type again', () => {
    const storage = memoryStorage();
    createDraftStore('/docs/a', 'start-recording', storage).set(toDraft(startWithSecrets(), start, { fault: 'none', cleared: ['clientRequest.storageConfig.accessKey'] }));
    const text = [...storage.data.values()].join('\n');
    expect(text).not.toMatch(/MY-S3CRET-KEY|c2VjcmV0|k1|Authorization/);
    expect(text).toContain('t1');
    const draft = createDraftStore('/docs/a', 'start-recording', storage).get()!;
    expect(draft.request.cleared).toEqual(['clientRequest.storageConfig.accessKey', 'clientRequest.storageConfig.secretKey']);
    expect(draft.request.pathParams.resourceid).toBe('r1');
  });

  it('empty a secret that reached storage some other way, and drop what is malformed', () => {
    const forged = JSON.stringify({ request: { ...startWithSecrets(), cleared: ['anything'] }, fault: 'explode', link: 'x' });
    const draft = parseDraft(forged, 'start-recording')!;
    expect(JSON.stringify(draft)).not.toMatch(/MY-S3CRET-KEY|c2VjcmV0|k1|anything/);
    expect(draft.fault).toBe('none');
    expect(draft.link).toBe('x');
    expect(parseDraft('not json', 'start-recording')).toBeUndefined();
    expect(parseDraft(JSON.stringify({ request: { operationId: 'create-channel' } }), 'start-recording')).toBeUndefined();
    expect(parseDraft(JSON.stringify({ request: { operationId: 'gone' } }), 'gone')).toBeUndefined();
  });

  it('tell links apart by a short id', () => {
    expect(linkId('#try=1.abc')).toBe(linkId('#try=1.abc'));
    expect(linkId('#try=1.abc')).not.toBe(linkId('#try=1.abd'));
  });
});
