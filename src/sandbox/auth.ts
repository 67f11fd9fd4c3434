/**
 * Authentication against the demo credentials, following each operation's
 * catalog `security` list (Basic for Agora's calls; the guide's get-channel
 * example documents a Bearer token).
 */
import type { SecurityKind } from '../catalog/types';
import { DEMO } from './demo';

function decodeBasic(encoded: string): string | null {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the Authorization header carries a demo credential the operation accepts. */
export function isAuthorized(header: string | null, accepted: SecurityKind[]): boolean {
  if (!header) return false;
  const match = /^(\w+)\s+(.+)$/.exec(header.trim());
  if (!match) return false;
  const scheme = match[1].toLowerCase();
  const value = match[2].trim();
  if (scheme === 'basic' && accepted.includes('basic')) {
    return decodeBasic(value) === `${DEMO.customerId}:${DEMO.customerSecret}`;
  }
  if (scheme === 'bearer' && accepted.includes('bearer')) return value === DEMO.token;
  return false;
}
