/**
 * Authentication against the demo credentials, following each operation's
 * catalog `security` list (Basic for Agora's calls; the guide's get-channel
 * example documents a Bearer token).
 */
import type { SecurityKind } from '../catalog/types';
import { DEMO } from './demo';

/**
 * How a request's Authorization header stands. Agora's gateway tells the two
 * failures apart (Cloud Recording's status-code page): no header at all is
 * `missing`, a header it cannot accept (wrong scheme, wrong credentials,
 * unreadable Base64) is `invalid`.
 */
export type AuthVerdict = 'ok' | 'missing' | 'invalid';

function decodeBasic(encoded: string): string | null {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Judge the Authorization header against the demo credentials the operation accepts. */
export function authenticate(header: string | null, accepted: SecurityKind[]): AuthVerdict {
  // A header sent empty carries no credentials, the same as none.
  if (header === null || header.trim() === '') return 'missing';
  const match = /^(\w+)\s+(.+)$/.exec(header.trim());
  if (!match) return 'invalid';
  const scheme = match[1].toLowerCase();
  const value = match[2].trim();
  if (scheme === 'basic' && accepted.includes('basic')) {
    return decodeBasic(value) === `${DEMO.customerId}:${DEMO.customerSecret}` ? 'ok' : 'invalid';
  }
  if (scheme === 'bearer' && accepted.includes('bearer')) return value === DEMO.token ? 'ok' : 'invalid';
  return 'invalid';
}

