/**
 * Python 3 literals. A JSON string literal is almost a Python string literal
 * (same escapes: \n, \", \\, \uXXXX); we also escape characters Python or the
 * reader's editor could treat as line breaks or show invisibly.
 */

import { EnvRef } from './envRef';

const INVISIBLE = /[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** A double-quoted Python str literal that evaluates to exactly `value`. */
export function pyString(value: string): string {
  return JSON.stringify(value).replace(
    INVISIBLE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A JSON value as a pretty-printed Python expression (dict/list/str/int/float/True/False/None); an `EnvRef` becomes `env("NAME")`. */
export function pyValue(value: unknown, indent = ''): string {
  // A secret read at run time; the snippet's header defines env().
  if (value instanceof EnvRef) return `env(${pyString(value.name)})`;
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') {
    // Python's json module would send NaN/Infinity as invalid JSON; JSON has no such values.
    if (!Number.isFinite(value)) return 'None';
    return String(value);
  }
  if (typeof value !== 'object') {
    throw new TypeError(`A request body value of type ${typeof value} cannot be written as JSON.`);
  }
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pyValue(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${pyString(key)}: ${pyValue(item, inner)},`).join('\n')}\n${indent}}`;
}
