/**
 * Turn an answer into words. A status gets the catalog's troubleshooting row,
 * chosen by the operation's family (its rows), the status and Agora's body
 * `code`; a relay refusal, timeout or network failure gets a sentence saying
 * what happened and what to try (the status line above already quotes the
 * message, so the box does not repeat it); and the relay's per-attempt notes
 * say why a call took the attempts it took.
 */
import type { OperationModel, TroubleshootingEntry } from '../../catalog/types';
import { isFailure, isRepeatable } from '../../catalog/retryPolicy';
import { isSafeToRepeat } from '../../catalog/policy';
import { dottedPath, findField, walkSchema } from '../../catalog/schemaWalk';
import { bodyFieldKey, paramKey, type FieldKey } from './formModel';
import type { RelayClientError as SendError } from '../../relay/client';
import type { RelayAttempt } from '../../relay/contract';

export interface Explanation {
  title: string;
  /** What happened. */
  text: string;
  /** What to do about it. */
  measures?: string;
  /** Whether retrying later (with back-off) can help. */
  retry?: boolean;
  /** A 2xx that carries one of Agora's codes: worth reading, not an error. */
  notice?: boolean;
  /** The form field the server blamed, e.g. `body.channel`, with its reason. */
  field?: { key: FieldKey; label: string; reason: string };
}

function messageOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'reason', 'error']) if (typeof record[key] === 'string') return record[key] as string;
  }
  return typeof body === 'string' ? body : '';
}

/** Agora's numeric body `code` (`{"code": 435, "reason": ...}`), when the body has one. */
export function agoraCode(body: unknown): number | undefined {
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  if (typeof code === 'number' && Number.isInteger(code)) return code;
  return typeof code === 'string' && /^\d{1,6}$/.test(code) ? Number(code) : undefined;
}

/**
 * The troubleshooting row for an answer: the row of this status with the
 * body's Agora `code` first; else, among the rows without a code, the one
 * whose message the body repeats, else the first of them. A status below 400
 * only has a row when its code matches (201 code 7, 206 code 435).
 */
export function findTroubleshooting(op: OperationModel, status: number, body: unknown): TroubleshootingEntry | undefined {
  const rows = op.troubleshooting.filter((row) => row.status === status);
  const code = agoraCode(body);
  const exact = code === undefined ? undefined : rows.find((row) => row.code === code);
  if (exact || status < 400) return exact;
  const uncoded = rows.filter((row) => row.code === undefined);
  const candidates = uncoded.length > 0 ? uncoded : rows;
  const said = messageOf(body).toLowerCase();
  const parts = (row: TroubleshootingEntry) => row.message.toLowerCase().split(/\s*[/;|]\s*|\s+or\s+/);
  return candidates.find((row) => said && parts(row).some((part) => part && said.includes(part))) ?? candidates[0];
}

/** Map a field name the server reported (`details.field`) to the form field that shows it. */
export function fieldFor(op: OperationModel, name: string): { key: FieldKey; label: string } | undefined {
  const param = op.params.find((candidate) => candidate.name === name);
  if (param) return { key: paramKey(param), label: param.name };
  if (!op.requestBody) return undefined;
  const schema = op.requestBody.schema;
  const field = findField(walkSchema(schema), name);
  return field ? { key: bodyFieldKey(schema, field.path), label: dottedPath(field.path) } : undefined;
}

const STATUS_WORDS: Record<number, string> = {
  201: 'Created',
  206: 'Partial content',
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * For a failure the policy would not repeat for this operation (a 5xx on a
 * POST): what to do instead of the row's "retry with back-off", which the
 * relay did not do and the reader should not do blindly either.
 */
function notRepeatedAdvice(op: OperationModel, status: number): string | undefined {
  const outcome = { kind: 'status', status } as const;
  if (!isFailure(op.retry, outcome)) return undefined;
  // The answer alone is at hand, not the request body: a call safe only with a field set counts as not safe, and the advice names the field.
  if (isRepeatable({ safeToRepeat: isSafeToRepeat(op, undefined) }, outcome)) return undefined;
  const unless = op.retry.safeToRepeat && op.retry.safeToRepeatWhen ? ` (unless \`${op.retry.safeToRepeatWhen}\` is set, which makes a repeat harmless)` : '';
  return `${op.method} is not idempotent and the server may have acted before it failed, so it is not sent again automatically${unless}. Check whether it took effect (query or list what it creates or changes), then send it again yourself if it did not.`;
}

/** The headers' plan meter, `X-RateLimit-Remaining` of `X-RateLimit-Limit`, when the answer carries one. */
function planMeter(headers: Record<string, string> | undefined): { remaining: number; limit?: number } | undefined {
  const read = (name: string) => {
    const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
    return entry && /^\d+$/.test(entry[1].trim()) ? Number(entry[1]) : undefined;
  };
  const remaining = read('x-ratelimit-remaining');
  return remaining === undefined ? undefined : { remaining, limit: read('x-ratelimit-limit') };
}

// A 429 that says the project holds too much (Agora's and the sandbox's "Resource quota exceeded", Media Pull's
// "No available resources"), as opposed to too many requests: waiting a minute does not help.
const RESOURCE_CAP = /resource quota exceeded|no available resources/i;

/**
 * A 429 for what the project holds at once (recordings, channels, players,
 * rules), not for the rate of requests: said as such, with the plan meter
 * when the answer shows requests left, and what frees room.
 */
function explainResourceCap(body: unknown, headers: Record<string, string> | undefined): Explanation {
  const details = (body as { details?: { reason?: unknown }; reason?: unknown } | null) ?? {};
  const reason = typeof details.details?.reason === 'string' ? details.details.reason : typeof details.reason === 'string' ? details.reason : '';
  const meter = planMeter(headers);
  const left =
    meter && meter.remaining > 0
      ? ` The meter showing ${meter.remaining}${meter.limit ? ` of ${meter.limit}` : ''} requests left is right: requests are not what ran out.`
      : '';
  return {
    title: '429 Too many requests: the project is full',
    text: `The project already holds as many of these as it may at once${reason ? ` (${reason.replace(/\.$/, '')})` : ''}. This is a cap on what the project holds, not the plan's per-minute quota.${left}`,
    measures:
      'Free room: stop recordings you no longer need (stop-recording), delete players or rules, or let them expire. In the sandbox, Reset project (at the top of the tester) empties your project at once. Then send again; sending again without that gets the same answer.',
    retry: false,
  };
}

/** null for an ordinary success; otherwise what the answer means for this operation (`headers`: the answer's, for the plan meter). */
export function explainStatus(op: OperationModel, status: number, body: unknown, headers?: Record<string, string>): Explanation | null {
  if (status === 429 && RESOURCE_CAP.test(messageOf(body))) return explainResourceCap(body, headers);
  const row = findTroubleshooting(op, status, body);
  if (status < 400 && !row) return null;
  const words = STATUS_WORDS[status] ?? (status >= 500 ? 'Server error' : status >= 400 ? 'Client error' : 'Success');
  const title = `${status} ${words}${row?.code !== undefined ? `, Agora code ${row.code}` : ''}`;
  const explanation: Explanation = row
    ? { title, text: row.cause, measures: notRepeatedAdvice(op, status) ?? row.measures, retry: row.retry }
    : {
        title,
        text: status >= 500 ? 'The server failed to handle the request.' : 'The server refused the request as sent.',
        measures: notRepeatedAdvice(op, status) ?? (status >= 500 || status === 429 ? 'Wait a few seconds and send again.' : 'Check the values in the form against the reference, then send again.'),
        retry: status >= 500 || status === 429,
      };
  if (status < 400) explanation.notice = true;
  const details = (body as { details?: { field?: unknown; reason?: unknown } } | null)?.details;
  // The guide's 429 and 5xx bodies carry `details.field: ""`: no field to point at.
  if (details && typeof details.field === 'string' && details.field.trim() !== '') {
    const field = fieldFor(op, details.field) ?? { key: `body.${details.field}`, label: details.field };
    explanation.field = { ...field, reason: typeof details.reason === 'string' ? details.reason : messageOf(body) };
  }
  return explanation;
}

const REFUSALS: Partial<Record<string, { text: string; measures: string }>> = {
  bad_envelope: {
    text: 'The relay refused a value it cannot forward exactly (its message names the field: for example a number too large to keep every digit, or text with a broken character).',
    measures: 'Fix the value the message names and send again; if it names nothing you typed, reload the page.',
  },
  unknown_operation: { text: 'The relay does not know this operation.', measures: 'Reload the page: the site may have been updated.' },
  host_not_allowed: { text: 'The chosen server is not one of this operation\'s hosts.', measures: 'Pick a server from the list.' },
  bad_path_param: { text: 'A path value was refused (for example "." or "..").', measures: 'Correct the path values and send again.' },
  bad_header: {
    text: 'A header was refused: a line break in it, a header given twice, or one the relay never forwards.',
    measures: 'Remove the header or the line break the message names, then send again.',
  },
  body_too_large: { text: 'The body is larger than the relay accepts (1 MiB).', measures: 'Shorten the body.' },
  body_timeout: { text: 'The request body arrived too slowly and the relay stopped waiting.', measures: 'Check your connection and send again.' },
  headers_too_large: { text: 'The headers are larger than the relay accepts.', measures: 'Shorten the header values.' },
  origin_not_allowed: { text: 'The relay only serves pages of this site.', measures: 'Open the tester on the documentation site itself.' },
  rate_limited: { text: 'You sent many requests in a short time and the relay paused you.', measures: 'Wait a moment, then send again.' },
  live_disabled: { text: 'This deployment does not relay calls to live Agora.', measures: 'Use the Sandbox, or run the site yourself (npm start) to call Agora.' },
};

/** The hosts the relay tried, in order, once each: `api.agora.io, api.sd-rtn.com`. */
function hostsTried(attempts: readonly RelayAttempt[] | undefined): string {
  return [...new Set((attempts ?? []).map((attempt) => attempt.host))].join(', ');
}

/** A failure with no HTTP answer from the upstream. The status line shows `error.message`; this says what it means. */
export function explainFailure(error: SendError): Explanation {
  const { code, attempts } = error.details;
  switch (error.kind) {
    case 'abort':
      return { title: 'Cancelled', text: 'You cancelled the request; nothing was changed in the form.', measures: 'Send again when ready.' };
    case 'timeout':
      if (code !== 'upstream_timeout') {
        return {
          title: 'Timed out',
          text: 'This site\'s relay did not answer the page in time, so the outcome of the call is unknown.',
          measures: 'Check your connection and that the site is running; for a create, list first to see the real state, then send again.',
          retry: true,
        };
      }
      return {
        title: 'Timed out',
        text: 'The relay sent the request, but no answer came back before its time limit, so it stopped waiting.',
        measures: 'The server may still have acted on it: for a create, list first to see the real state, then send again.',
        retry: true,
      };
    case 'upstream': {
      if (code === 'upstream_too_large') {
        return { title: 'Answer too large', text: 'The answer was larger than the relay passes on to the page.', measures: 'Ask for less (narrow the query), or make the call from your own code.' };
      }
      if (code === 'upstream_redirect') {
        return { title: 'Redirected', text: 'The host answered with a redirect, which the relay never follows (it would send your credentials elsewhere).', measures: 'Pick another server from the list and send again.' };
      }
      const tried = hostsTried(attempts);
      return {
        title: 'The relay could not reach Agora',
        text: `This site's server (the relay) got no answer from ${tried || 'Agora'}: the failure is on the server's side of the connection, not in your browser, which reached the relay fine.`,
        measures:
          'If you run this site yourself, check that its machine can reach Agora (DNS, firewall, proxy; a machine without internet access cannot). Otherwise pick another server (region), or use the Sandbox, and send again.',
        retry: true,
      };
    }
    case 'network':
      return {
        title: 'Relay unreachable',
        text: 'The page could not get an answer from this site\'s relay, so the request may not have reached Agora at all.',
        measures: 'Check your own connection, and that the site (npm start or npm run serve) is running, then send again.',
        retry: true,
      };
    case 'blocked': {
      const known = code ? REFUSALS[code] : undefined;
      const wait = error.details.retryAfterSeconds ? ` Retry after ${error.details.retryAfterSeconds} s.` : '';
      return {
        title: 'Refused by the relay',
        text: known?.text ?? 'The relay refused the call before sending anything to Agora.',
        measures: (known?.measures ?? 'Check the request and send again.') + wait,
        retry: code === 'rate_limited',
      };
    }
  }
}

/**
 * Why a call took the attempts it took, from the relay's own notes: one
 * reason per attempt that led to another (or to stopping). Null when there is
 * nothing to explain (one attempt that simply answered).
 */
export function whyAttempts(attempts: readonly RelayAttempt[], note?: string): { heading: string; reasons: string[] } | null {
  const count = attempts.length;
  const heading = `Why ${count === 1 ? 'one attempt' : `${count} attempts`}`;
  const noted = attempts.filter((attempt) => attempt.next);
  if (noted.length === 0) return note ? { heading, reasons: [note] } : null;
  if (count === 1) return { heading, reasons: [attempts[0].next!] };
  const reasons = attempts.flatMap((attempt, index) => {
    if (!attempt.next) return [];
    const outcome = attempt.status ?? attempt.error?.kind ?? 'failed';
    return [`After attempt ${index + 1} (${outcome} from ${attempt.host}): ${attempt.next}`];
  });
  return { heading, reasons };
}
