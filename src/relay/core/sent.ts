/**
 * What the relay tells the client it sent, per attempt. The masking happens
 * here, in the relay, before the answer leaves: a credential the browser
 * supplied (or the server added from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET) never travels back in
 * the answer, and neither does a body field the catalog marks `x-secret`.
 */
import type { OperationModel } from '../../catalog/types';
import { looksLikeCredential } from '../../request/customParams';
import { redactSecrets, secretPaths } from '../../request/secrets';
import { MASK, MAX_SHOWN_BODY_CHARS, type SentRequest } from '../contract';

/**
 * Whether a header carries a credential, by its name: the one rule of
 * `src/request/customParams.ts` (the same that keeps such headers out of
 * links, history and custom rows), asked about the name alone.
 */
export function isCredentialHeader(name: string): boolean {
  return looksLikeCredential(name, '');
}

/** `Basic ••••••`: the scheme says which kind of credential went, the value stays here. Empty stays empty. */
export function maskCredential(value: string): string {
  if (value === '') return value;
  const scheme = /^([A-Za-z][\w.+-]*)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/** The headers as shown: masked where the name or the value looks like a credential. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = looksLikeCredential(name, value) ? maskCredential(value) : value;
  }
  return out;
}

/** Bytes of `text` in UTF-8, counted without encoding it (the core runs where Buffer does not). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 2 UTF-16 units, 4 bytes.
      bytes += 2;
      i++;
    } else bytes += 2; // 3 bytes (a lone surrogate is encoded as U+FFFD, also 3)
  }
  return bytes;
}

/**
 * A builder of each attempt's `SentRequest`: everything but the URL is the
 * same for every attempt of one call, so it is masked once.
 */
export function sentRequestBuilder(
  op: OperationModel,
  headers: Record<string, string>,
  body: unknown,
  bodyText: string | undefined,
): (url: string) => SentRequest {
  const shownHeaders = maskHeaders(headers);
  let shownBody: string | undefined;
  if (bodyText !== undefined) {
    // Most operations mark no secret at all (the list is cached per operation): nothing to redact then.
    const redacted = secretPaths(op).length === 0 ? null : redactSecrets({ pathParams: {}, query: {}, headers: {}, body }, op, () => MASK);
    const text = redacted === null || redacted.body === body ? bodyText : JSON.stringify(redacted.body);
    shownBody = text.length > MAX_SHOWN_BODY_CHARS ? text.slice(0, MAX_SHOWN_BODY_CHARS) : text;
  }
  const bodyBytes = bodyText === undefined ? undefined : utf8Length(bodyText);
  return (url) => {
    const sent: SentRequest = { method: op.method, url, headers: shownHeaders };
    if (shownBody !== undefined) {
      sent.body = shownBody;
      sent.bodyBytes = bodyBytes;
    }
    return sent;
  };
}
