/**
 * Turn a failed call into words: a non-2xx status gets the catalog's
 * troubleshooting row (meaning + what to do); a relay refusal, timeout or
 * network failure gets a plain sentence saying what happened and what to try.
 */
import type { OperationModel, TroubleshootingEntry } from '../../catalog/types';
import { dottedPath, findField, walkSchema } from '../../catalog/schemaWalk';
import { bodyFieldKey, paramKey, type FieldKey } from './formModel';
import type { RelayClientError as SendError } from '../../relay/client';

export interface Explanation {
  title: string;
  /** What happened. */
  text: string;
  /** What to do about it. */
  measures?: string;
  /** Whether retrying later (with back-off) can help. */
  retry?: boolean;
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

/** The troubleshooting row for a status; with several, the one whose message matches the body. */
export function findTroubleshooting(op: OperationModel, status: number, body: unknown): TroubleshootingEntry | undefined {
  const rows = op.troubleshooting.filter((row) => row.status === status);
  if (rows.length <= 1) return rows[0];
  const said = messageOf(body).toLowerCase();
  return rows.find((row) => said && row.message.toLowerCase().split(/\s*[/;|]\s*|\s+or\s+/).some((part) => part && said.includes(part))) ?? rows[0];
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

/** null for 2xx/3xx; otherwise what the status means for this operation. */
export function explainStatus(op: OperationModel, status: number, body: unknown): Explanation | null {
  if (status < 400) return null;
  const row = findTroubleshooting(op, status, body);
  const title = `${status} ${STATUS_WORDS[status] ?? (status >= 500 ? 'Server error' : 'Client error')}`;
  const explanation: Explanation = row
    ? { title, text: row.cause, measures: row.measures, retry: row.retry }
    : {
        title,
        text: status >= 500 ? 'The server failed to handle the request.' : 'The server refused the request as sent.',
        measures: status >= 500 || status === 429 ? 'Wait a few seconds and send again.' : 'Check the values in the form against the reference, then send again.',
        retry: status >= 500 || status === 429,
      };
  const details = (body as { details?: { field?: unknown; reason?: unknown } } | null)?.details;
  if (details && typeof details.field === 'string') {
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

/** A failure with no HTTP answer from the upstream. */
export function explainFailure(error: SendError): Explanation {
  switch (error.kind) {
    case 'abort':
      return { title: 'Cancelled', text: 'You cancelled the request; nothing was changed in the form.', measures: 'Send again when ready.' };
    case 'timeout':
      return {
        title: 'Timed out',
        text: `No answer came back in time. ${error.message}`,
        measures: 'The server may still have acted on it: for a create, list first to see the real state, then send again.',
        retry: true,
      };
    case 'upstream':
      return {
        title: 'Agora could not be reached',
        text: `Every attempt failed before an answer came back. ${error.message}`,
        measures: 'Check your network, or pick another server (region) and send again.',
        retry: true,
      };
    case 'network':
      return { title: 'Relay unreachable', text: error.message, measures: 'Check that the site (npm start or npm run serve) is running, then send again.', retry: true };
    case 'blocked': {
      const known = error.details.code ? REFUSALS[error.details.code] : undefined;
      const wait = error.details.retryAfterSeconds ? ` Retry after ${error.details.retryAfterSeconds} s.` : '';
      return {
        title: 'Refused by the relay',
        text: known ? `${known.text} (${error.message})` : error.message,
        measures: (known?.measures ?? 'Check the request and send again.') + wait,
        retry: error.details.code === 'rate_limited',
      };
    }
  }
}
