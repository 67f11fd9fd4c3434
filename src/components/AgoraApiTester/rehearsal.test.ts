import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOperation } from '../../catalog';
import type { RelayEnvelope } from '../../relay/contract';
import { cannedAnswer, cannedRelayFetch, REHEARSAL_REQUEST_ID, rehearseSend } from './rehearsal';
import { pageChainValues } from './stores/chainValues';
import { pageHistory } from './stores/pageHistory';

/** The canned fetch, with the operation ids of the envelopes it was given, in order. */
function recordingFetch() {
  const asked: string[] = [];
  const canned = cannedRelayFetch();
  const fetchImpl: typeof fetch = (input, init) => {
    asked.push((JSON.parse(String(init?.body)) as RelayEnvelope).operationId);
    return canned(input, init);
  };
  return { asked, fetchImpl };
}

afterEach(() => vi.restoreAllMocks());

describe('cannedAnswer', () => {
  it("answers with the operation's first documented success, on the requested host, with the path filled in", () => {
    const op = getOperation('get-channel');
    const documented = op.responses.find((response) => response.status >= 200 && response.status < 300);
    expect(documented?.example).toBeDefined();
    const host = op.servers[op.servers.length - 1].host;
    const answer = cannedAnswer(op, { operationId: op.id, environment: 'sandbox', server: host, path: { appId: 'abc', channelName: 'room 1' } });
    expect(answer.status).toBe(documented?.status);
    expect(answer.body).toEqual(documented?.example);
    expect(answer.headers['x-request-id']).toBe(REHEARSAL_REQUEST_ID);
    expect(answer.attempts).toHaveLength(1);
    expect(answer.attempts[0].host).toBe(host);
    expect(answer.attempts[0].request?.url).toBe(`https://${host}/v1/projects/abc/channels/room%201`);
  });
});

describe('rehearseSend', () => {
  it("takes a Send's whole path to the documented answer without the network, the page's history or its chained ids", async () => {
    const network = vi.spyOn(globalThis, 'fetch');
    const chained = pageChainValues.get();
    const op = getOperation('create-channel');
    const { asked, fetchImpl } = recordingFetch();
    const { outcome, history } = await rehearseSend(op, fetchImpl);
    expect(asked).toEqual(['create-channel']);
    expect(history.map((entry) => [entry.request.operationId, entry.status])).toEqual([['create-channel', 200]]);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.result.body).toEqual(cannedAnswer(op, { operationId: op.id, environment: 'sandbox' }).body);
    expect(outcome.result.headers['x-request-id']).toBe(REHEARSAL_REQUEST_ID);
    expect(network).not.toHaveBeenCalled();
    expect(pageChainValues.get()).toBe(chained);
    expect(pageHistory('/').get()).toEqual([]);
  });

  it('runs the earlier calls a chained operation needs, as a sandbox Send does, each answered from the catalog', async () => {
    const { asked, fetchImpl } = recordingFetch();
    const { outcome } = await rehearseSend(getOperation('stop-recording'), fetchImpl);
    expect(asked).toEqual(['acquire', 'start-recording', 'stop-recording']);
    expect(outcome.kind).toBe('done');
  });
});
