/**
 * JSON text for a body written verbatim into a snippet (cURL's --data-raw).
 * Characters that would be invisible in the code (U+2028, soft hyphen, ...)
 * can only occur inside JSON strings, where a \uXXXX escape means the same.
 */
const INVISIBLE = /[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** `JSON.stringify(value, null, 2)` with invisible characters escaped. */
export function readableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
