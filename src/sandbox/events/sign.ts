/**
 * Agora's two notification signatures: HMAC-SHA1 (`Agora-Signature`) and
 * HMAC-SHA256 (`Agora-Signature-V2`), lowercase hex, of the raw body with the
 * project's NCS secret. WebCrypto, so it runs on Node and on Workers alike.
 */

import { toHex } from '../ids';

const encoder = new TextEncoder();

export async function hmacHex(algorithm: 'SHA-1' | 'SHA-256', secret: string, raw: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: algorithm }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(raw)));
}

/** The headers Agora sends with a notification whose body is `raw`. */
export async function notificationHeaders(raw: string, secret: string): Promise<Record<string, string>> {
  const [v1, v2] = await Promise.all([hmacHex('SHA-1', secret, raw), hmacHex('SHA-256', secret, raw)]);
  return { 'Content-Type': 'application/json', 'Agora-Signature': v1, 'Agora-Signature-V2': v2 };
}
