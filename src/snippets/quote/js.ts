/**
 * JavaScript literals. JSON is a subset of JavaScript (ES2019), so a JSON
 * string literal is a valid JS string literal; we additionally escape
 * characters that editors and terminals show badly or not at all.
 */

import { EnvRef } from './envRef';

const INVISIBLE = /[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

function escapeInvisible(literal: string): string {
  return literal.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A double-quoted JS string literal that evaluates to exactly `value`. */
export function jsString(value: string): string {
  return escapeInvisible(JSON.stringify(value));
}

/**
 * A JSON value as a pretty-printed JS expression (2-space indent, like
 * `JSON.stringify(value, null, 2)`). `__proto__` keys become computed keys,
 * because in an object literal a plain `"__proto__":` sets the prototype
 * instead of creating the property. An `EnvRef` becomes `env("NAME")`.
 */
export function jsValue(value: unknown, indent = ''): string {
  // A secret read at run time; the snippet's preamble defines env().
  if (value instanceof EnvRef) return `env(${jsString(value.name)})`;
  if (value === null || typeof value !== 'object') return jsScalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${jsValue(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => {
    const name = key === '__proto__' ? `[${jsString(key)}]` : jsString(key);
    return `${inner}${name}: ${jsValue(item, inner)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function jsScalar(value: unknown): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number') {
    // JSON cannot carry NaN or Infinity; JSON.stringify would send null.
    return Number.isFinite(value) ? String(value) : 'null';
  }
  if (typeof value === 'boolean' || value === null) return String(value);
  throw new TypeError(`A request body value of type ${typeof value} cannot be written as JSON.`);
}
