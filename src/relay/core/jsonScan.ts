/**
 * One linear pass over envelope JSON text that JSON.parse has already accepted,
 * finding what JSON.parse silently hides: numbers it rounds (2^70) or turns into
 * Infinity (1e400, later `null`), nesting deep enough to overflow a recursive
 * walk (JSON.stringify among them), lone surrogates that make encodeURIComponent
 * throw, and repeated keys (the last silently wins, so two Authorization values
 * would collapse into one without anyone deciding which).
 *
 * Iterative on purpose: the point is to survive 150,000 levels of `[`.
 */

/** Deepest nesting accepted, counted from the envelope itself (the body gets 62 of them). */
export const MAX_JSON_DEPTH = 64;

export type ScanProblem =
  | { kind: 'depth'; path: string }
  | { kind: 'number'; path: string; token: string }
  | { kind: 'surrogate'; path: string }
  | { kind: 'duplicate-key'; path: string };

interface Frame {
  array: boolean;
  /** Current key (object) or index (array); null before the first key. */
  at: string | number | null;
  expectKey: boolean;
  /** Keys seen so far: the first alone, a set from the second on (most objects here have a few keys). */
  firstKey: string | null;
  keys: Set<string> | null;
}

/** A lone high or low surrogate: not UTF-8 encodable, so no URL, header or body can carry it. */
export function hasLoneSurrogate(text: string): boolean {
  // A regex rather than String#isWellFormed: the relay also runs on runtimes and type libs older than ES2024.
  return LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `body.clientRequest.items[3]`, for messages; built only when something is wrong. */
function pathOf(stack: Frame[]): string {
  let out = '';
  for (const frame of stack) {
    if (frame.at === null) continue;
    if (typeof frame.at === 'number') out += `[${frame.at}]`;
    else out += /^[A-Za-z_$][\w$-]*$/.test(frame.at) ? `${out ? '.' : ''}${frame.at}` : `[${JSON.stringify(frame.at)}]`;
  }
  return out || '(top level)';
}

/** Significant digits and decimal exponent of a JSON number literal, so `1.50` and `1.5` compare equal. */
function normalise(token: string): { digits: string; exponent: number } {
  const match = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(token);
  if (!match) return { digits: token, exponent: 0 };
  const whole = match[1];
  const fraction = match[2] ?? '';
  let digits = whole + fraction;
  let exponent = Number(match[3] ?? '0') + whole.length;
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading);
  exponent -= leading;
  digits = digits.replace(/0+$/, '');
  // Every spelling of zero (0, -0, 0.000e5) is one value.
  return digits === '' ? { digits: '0', exponent: 0 } : { digits, exponent };
}

/** True when the number JSON.parse made from `token` re-serialises to the same value. */
export function numberSurvives(token: string): boolean {
  if (isShortInteger(token)) return true;
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  const before = normalise(token);
  const after = normalise(JSON.stringify(value));
  return before.digits === after.digits && before.exponent === after.exponent;
}

/** `-?` and at most 15 digits without a leading zero: a double holds every such integer exactly. */
function isShortInteger(token: string): boolean {
  return isShortIntegerAt(token, 0, token.length);
}

/** `isShortInteger` for `text[from, to)`, so the scan need not copy the token out first. */
function isShortIntegerAt(text: string, from: number, to: number): boolean {
  const start = text.charCodeAt(from) === 0x2d ? from + 1 : from;
  const digits = to - start;
  if (digits < 1 || digits > 15 || (digits > 1 && text.charCodeAt(start) === 0x30)) return false;
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Characters of a JSON number literal: digits, `e`, `E`, `.`, `+`, `-`. */
function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x65 || c === 0x45 || c === 0x2e || c === 0x2b || c === 0x2d;
}

/** The first problem in valid JSON text, or null. Linear in the text's length. */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): ScanProblem | null {
  const stack: Frame[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return { kind: 'depth', path: pathOf(stack) };
      const array = c === 0x5b;
      stack.push({ array, at: array ? 0 : null, expectKey: !array, firstKey: null, keys: null });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top?.array) top.at = (top.at as number) + 1;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === 0x3a /* : */) {
      if (top) top.expectKey = false;
      i++;
    } else if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (; end < length; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x5c) {
          escaped = true;
          end++; // skip the escaped character, which may be a quote
        } else if (d === 0x22) break;
      }
      const isKey = top !== undefined && !top.array && top.expectKey;
      // Only keys and escaped strings need their text: raw text decoded from UTF-8 holds no lone surrogate,
      // so an unescaped value (most of an envelope) is skipped without copying it.
      const value = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : isKey ? text.slice(i + 1, end) : '';
      if (isKey) {
        top.at = value;
        if (top.firstKey === null) top.firstKey = value;
        else {
          if (value === top.firstKey || top.keys?.has(value)) return { kind: 'duplicate-key', path: pathOf(stack) };
          (top.keys ??= new Set()).add(value);
        }
      }
      if (escaped && hasLoneSurrogate(value)) return { kind: 'surrogate', path: pathOf(stack) };
      i = end + 1;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < length && isNumberChar(text.charCodeAt(end))) end++;
      // Short integers (ids, sizes: most numbers here) are checked in place, without slicing out a token.
      if (!isShortIntegerAt(text, i, end)) {
        const token = text.slice(i, end);
        if (!numberSurvives(token)) return { kind: 'number', path: pathOf(stack), token };
      }
      i = end;
    } else {
      // Whitespace and the letters of true/false/null.
      i++;
    }
  }
  return null;
}
