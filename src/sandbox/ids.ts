/** Identifiers shaped like Agora's, from the platform's CSPRNG (Node 20 and browsers). */

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Bytes (a digest, an HMAC, random bytes) as lowercase hex. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `byteCount` random bytes as lowercase hex (twice as many characters). */
export function randomHex(byteCount: number): string {
  return toHex(randomBytes(byteCount));
}

/** 32 lowercase hex characters, like a Cloud Recording sid or a cloud player id. */
export function hexId(): string {
  return randomHex(16);
}

/** A long opaque base64url string, like Cloud Recording's resourceId (safe in a path segment). */
export function resourceId(): string {
  let binary = '';
  for (const byte of randomBytes(96)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A user id in the 32-bit range Agora assigns when a request asks for uid 0. */
export function assignedUid(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return 100_000 + (value % 900_000_000);
}
