// The tester and the sandbox judge a request the same way: one table of good
// and bad requests, each sent to the real sandbox handler and checked by the
// tester's form validation, must get the same verdict and the same field.
import { beforeAll, describe, expect, it } from 'vitest';
import { getOperation, listOperations } from '../../catalog';
import { buildUrl } from '../../request/apiRequest';
import { defaultRequest, type RequestOverrides } from '../../request/build';
import { createSandbox } from '../../sandbox';
import { BASIC, BEARER } from '../../sandbox/testing';
import { formFromRequest } from './formModel';
import { loadValidator, validateForm } from './validate';

beforeAll(() => Promise.all(listOperations().map(loadValidator)));

interface Case {
  op: string;
  what: string;
  overrides?: RequestOverrides;
  /** The field both must name; null for a request both accept. */
  field: string | null;
}

const recording = { cname: 'demo', uid: '527841' };
const banRule = { appid: '0123456789abcdef0123456789abcdef', uid: 1, privileges: ['join_channel'] };
const player = (extra: Record<string, unknown>) => ({ player: { streamUrl: 'rtmp://example.com/live', channelName: 'demo', uid: 1, ...extra } });
const PLAYER_ID = 'f'.repeat(32);

const CASES: Case[] = [
  { op: 'create-channel', what: 'the defaults', field: null },
  { op: 'create-channel', what: 'a channel name with a space', overrides: { body: { channel: 'bad name!', uid: 'u1' } }, field: 'channel' },
  { op: 'create-channel', what: 'a nested value below its minimum', overrides: { body: { channel: 'ok', uid: 'u1', clientRequest: { resourceExpiredHour: 0 } } }, field: 'clientRequest.resourceExpiredHour' },
  { op: 'create-channel', what: 'a missing required field', overrides: { body: { channel: 'ok' } }, field: 'uid' },
  { op: 'acquire', what: 'the defaults', field: null },
  { op: 'acquire', what: 'a uid that is not a string', overrides: { body: { ...recording, uid: 527841, clientRequest: {} } }, field: 'uid' },
  { op: 'acquire', what: 'resourceExpiredHour below its minimum', overrides: { body: { ...recording, clientRequest: { resourceExpiredHour: 0 } } }, field: 'clientRequest.resourceExpiredHour' },
  { op: 'acquire', what: 'no clientRequest', overrides: { body: recording }, field: 'clientRequest' },
  { op: 'list-channels', what: 'the defaults', field: null },
  { op: 'list-channels', what: 'a page size over the limit', overrides: { query: { page_size: '900' } }, field: 'page_size' },
  { op: 'list-channels', what: 'a page size that is not a number', overrides: { query: { page_size: 'ten' } }, field: 'page_size' },
  { op: 'list-channels', what: 'a page size of 0', overrides: { query: { page_size: '0' } }, field: 'page_size' },
  // Agora sets no lower bound on page_no: a negative page is an empty page, not an error.
  { op: 'list-channels', what: 'a negative page number', overrides: { query: { page_no: '-1' } }, field: null },
  { op: 'create-ban-rule', what: 'the defaults', field: null },
  // Agora: both durations may be sent (time_in_seconds counts), or neither (60 minutes); out-of-range values are clamped.
  { op: 'create-ban-rule', what: 'both time and time_in_seconds', overrides: { body: { ...banRule, time: 1, time_in_seconds: 10 } }, field: null },
  { op: 'create-ban-rule', what: 'neither time nor time_in_seconds', overrides: { body: banRule }, field: null },
  { op: 'create-ban-rule', what: 'a duration out of range', overrides: { body: { ...banRule, time: 5000 } }, field: null },
  { op: 'create-ban-rule', what: 'no privileges', overrides: { body: { appid: banRule.appid, uid: 1, time: 1 } }, field: 'privileges' },
  { op: 'create-ban-rule', what: 'a privilege Agora does not have', overrides: { body: { ...banRule, privileges: ['kick'] } }, field: 'privileges[0]' },
  { op: 'create-cloud-player', what: 'the defaults', field: null },
  { op: 'create-cloud-player', what: 'an upper-case region', overrides: { pathParams: { region: 'NA' } }, field: 'region' },
  { op: 'create-cloud-player', what: 'an X-Request-ID with a space', overrides: { headers: { 'X-Request-ID': 'has space' } }, field: 'X-Request-ID' },
  { op: 'create-cloud-player', what: 'both uid and account', overrides: { body: player({ account: 'bob' }) }, field: 'player.uid' },
  // Agora brings an idleTimeout outside 5-600 to the nearest bound: both accept it.
  { op: 'create-cloud-player', what: 'an idle timeout over the limit', overrides: { body: player({ idleTimeout: 601 }) }, field: null },
  { op: 'create-cloud-player', what: 'a frame rate over 30', overrides: { body: player({ videoOptions: { frameRate: 31 } }) }, field: 'player.videoOptions.frameRate' },
  { op: 'create-cloud-player', what: 'an ftp stream URL', overrides: { body: player({ streamUrl: 'ftp://nope' }) }, field: 'player.streamUrl' },
  { op: 'list-cloud-players', what: 'the defaults', field: null },
  { op: 'list-cloud-players', what: 'a page size of 0', overrides: { query: { pageSize: '0' } }, field: 'pageSize' },
  { op: 'list-cloud-players', what: 'a filter on another field', overrides: { query: { filter: 'name eq x' } }, field: 'filter' },
  { op: 'update-cloud-player', what: 'a valid update of an unknown player', overrides: { pathParams: { playerid: PLAYER_ID } }, field: null },
  { op: 'update-cloud-player', what: 'no sequence', overrides: { pathParams: { playerid: PLAYER_ID }, query: { sequence: '' } }, field: 'sequence' },
  { op: 'update-cloud-player', what: 'a volume over 200', overrides: { pathParams: { playerid: PLAYER_ID }, body: { player: { audioOptions: { volume: 201 } } } }, field: 'player.audioOptions.volume' },
];

/** The field a sandbox 400 names, in each family's error shape. */
function sandboxField(body: { details?: { field: string }; reason?: string; message?: string }): string | undefined {
  if (body.details) return body.details.field;
  const text = body.reason ?? body.message ?? '';
  return /^(?:invalid parameter: )?([^\s:]+): /i.exec(text)?.[1];
}

describe('the tester and the sandbox agree', () => {
  it.each(CASES.map((c) => [`${c.op}: ${c.what}`, c] as const))('%s', async (_name, c) => {
    const op = getOperation(c.op);
    const request = defaultRequest(op, c.overrides);

    const tester = validateForm(op, formFromRequest(op, request));

    const sandbox = createSandbox();
    const headers = new Headers(request.headers);
    headers.set('Authorization', op.security[0] === 'bearer' ? BEARER : BASIC);
    if (request.body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await sandbox.handler(
      new Request(buildUrl(request, 'https://api.agora.io'), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      }),
    );
    const answer = await response.json();

    if (c.field === null) {
      expect(tester.errors).toEqual([]);
      // A valid request passes the sandbox's checks (an unknown player is a 404, not a 400).
      expect([200, 201, 404], JSON.stringify(answer)).toContain(response.status);
      return;
    }
    expect(tester.valid).toBe(false);
    expect(response.status, JSON.stringify(answer)).toBe(400);
    expect(tester.errors[0].label).toBe(c.field);
    expect(sandboxField(answer)).toBe(c.field);
  });
});
