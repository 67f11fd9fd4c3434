import { describe, expect, it } from 'vitest';
import { formFromRequest, initialForm, setBodyField } from './formModel';
import { decodeShare, encodeShare, scrubShared } from './share';
import { requestFromValues } from '../../request/build';
import { addEntry, historyEntry, HISTORY_LIMIT, parseHistory, serializeHistory } from './history';
import { createChannel } from './testing/fixtures';
import { getOperation } from '../../catalog';
import { defaultRequest } from '../../request/build';
import { getAt } from './formModel';

const request = requestFromValues(createChannel, setBodyField(initialForm(createChannel), ['channel'], 'Ünïcode & spaces'));

describe('share links', () => {
  it('round-trips a request through the hash and restores the same form', () => {
    const hash = `#${encodeShare(request, createChannel)}`;
    expect(hash).toMatch(/^#try=1\.[A-Za-z0-9_-]+$/);
    const shared = decodeShare(hash)!;
    expect(shared.operationId).toBe('create-channel');
    const restored = requestFromValues(createChannel, formFromRequest(createChannel, shared));
    expect(restored).toEqual(request);
  });

  it('never carries credentials, even if a header tries to', () => {
    const hash = encodeShare({ ...request, headers: { Authorization: 'Basic c2VjcmV0', 'X-Request-ID': 'r1' } }, createChannel);
    const decoded = decodeShare(hash)!;
    expect(decoded.headers).toEqual({ 'X-Request-ID': 'r1' });
    expect(atob(hash.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('c2VjcmV0');
  });

  it('carries the Simulate choice, and leaves out an unknown one', () => {
    expect(decodeShare(encodeShare(request, createChannel, '503'))!.fault).toBe('503');
    expect(decodeShare(encodeShare(request, createChannel))!.fault).toBeUndefined();
    const forged = `try=1.${btoa(JSON.stringify({ o: 'create-channel', s: 'api.agora.io', f: 'rm -rf' })).replace(/=+$/, '')}`;
    expect(decodeShare(forged)!.fault).toBeUndefined();
  });

  it('carries custom headers and query, never one that looks like a credential', () => {
    const typed = {
      ...request,
      headers: { 'X-Trace-Id': 't1', 'X-Api-Key': 'k1', 'X-Note': 'Bearer zz9secret' },
      query: { ...request.query, debug: 'on', access_token: 'tok1' },
    };
    const shared = decodeShare(encodeShare(typed, createChannel))!;
    expect(shared.headers).toEqual({ 'X-Trace-Id': 't1' });
    expect(shared.query).toEqual({ ...request.query, debug: 'on' });
    // A hand-made link that carries one anyway: scrubbed on restore, and never a form row.
    const scrubbed = scrubShared({ ...shared, headers: typed.headers, query: typed.query }, createChannel);
    expect(JSON.stringify(scrubbed)).not.toMatch(/k1|zz9secret|tok1/);
    expect(formFromRequest(createChannel, { ...shared, headers: typed.headers, query: typed.query }).custom).toEqual([
      { in: 'header', name: 'X-Trace-Id', value: 't1' },
      { in: 'query', name: 'debug', value: 'on' },
    ]);
  });

  it('ignores hashes that are not links or are damaged, and other versions', () => {
    expect(decodeShare('#request')).toBeNull();
    expect(decodeShare('#try=1.!!!')).toBeNull();
    expect(decodeShare('#try=9.e30')).toBeNull();
  });
});

describe('history', () => {
  it('keeps the last 20, newest first, without secrets', () => {
    let history = parseHistory(null);
    for (let index = 0; index < 25; index += 1) {
      const entry = historyEntry(
        { ...request, headers: { Authorization: 'Basic eA==' } },
        createChannel,
        { environment: 'sandbox', status: 200, text: '200 OK', at: index },
      );
      history = addEntry(history, entry);
    }
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0].at).toBe(24);
    const text = serializeHistory(history);
    expect(text).not.toContain('Authorization');
    expect(parseHistory(text)).toEqual(history);
    expect(parseHistory('not json')).toEqual([]);
  });
});

describe('secret fields (x-secret)', () => {
  const start = getOperation('start-recording');
  const body = structuredClone(defaultRequest(start).body) as { clientRequest: { storageConfig: Record<string, unknown> } };
  Object.assign(body.clientRequest.storageConfig, { accessKey: 'AKIA-MY-ACCESS', secretKey: 'MY-S3CRET-KEY', stsToken: 'MY-STS-TOKEN' });
  const typed = defaultRequest(start, { pathParams: { resourceid: 'r1' }, body });
  const payloadOf = (hash: string) => new TextDecoder().decode(Uint8Array.from(atob(hash.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

  it('are left out of a share link, which names them so the restored form asks again', () => {
    const hash = encodeShare(typed, start);
    expect(payloadOf(hash)).not.toMatch(/AKIA-MY-ACCESS|MY-S3CRET-KEY|MY-STS-TOKEN/);
    const shared = decodeShare(hash)!;
    expect(shared.cleared).toEqual([
      'clientRequest.storageConfig.accessKey',
      'clientRequest.storageConfig.secretKey',
      'clientRequest.storageConfig.stsToken',
    ]);
    const form = formFromRequest(start, shared);
    expect(getAt(form.body, ['clientRequest', 'storageConfig', 'secretKey'])).toBe('');
    expect(getAt(form.body, ['clientRequest', 'storageConfig', 'bucket'])).toBe('demo-bucket');
    expect(form.path.resourceid).toBe('r1');
  });

  it('are left out of history entries, and emptied again when storage holds an older entry', () => {
    const entry = historyEntry(typed, start, { environment: 'live', status: 200, text: '200 OK', at: 1 });
    const text = serializeHistory([entry]);
    expect(text).not.toMatch(/AKIA-MY-ACCESS|MY-S3CRET-KEY|MY-STS-TOKEN/);
    expect(parseHistory(text)[0].request.cleared).toHaveLength(3);
    const older = JSON.stringify([{ ...entry, request: { ...entry.request, body: typed.body, cleared: undefined } }]);
    expect(JSON.stringify(parseHistory(older))).not.toMatch(/MY-S3CRET-KEY/);
  });

  it('empty a secret a hand-made link carries, and name only real secret fields in the note', () => {
    const forged = { ...decodeShare(encodeShare(typed, start))!, body: typed.body, cleared: ['Visit evil.example to continue', 'clientRequest.token'] };
    const scrubbed = scrubShared(forged, start);
    expect(JSON.stringify(scrubbed)).not.toMatch(/MY-S3CRET-KEY|evil/);
    expect(scrubbed.cleared).toEqual([
      'clientRequest.token',
      'clientRequest.storageConfig.accessKey',
      'clientRequest.storageConfig.secretKey',
      'clientRequest.storageConfig.stsToken',
    ]);
  });
});
