/**
 * Custom headers and query parameters: what a reader may add beyond the
 * catalog's parameters, and why the rest is refused. The relay applies these
 * rules to every header and query parameter the catalog does not declare, and
 * the tester applies the same functions before Send, so the form marks what the
 * relay would refuse, with the relay's own reason. Pure and browser-safe.
 *
 * The rule, and why:
 * - Headers: only `X-` extension headers. Standard headers either belong to the
 *   transport (Host, Connection, Transfer-Encoding: the relay makes its own
 *   connection), to the browser (Cookie, Origin) or carry the credential
 *   (Authorization, set once from the Credentials panel). `X-` names are what
 *   APIs use for extensions, e.g. a tracing id.
 * - Never names that change the method, URL or client address a server or a
 *   proxy sees (X-HTTP-Method-Override, X-Forwarded-*, X-Real-IP …), and
 *   never `X-Sandbox-*` (the Simulate menu sets those, and only for the sandbox).
 * - Nothing that looks like a credential, by name or value: Agora takes
 *   credentials only in Authorization, and a custom value is shown in snippets
 *   and kept in links and history, where a secret must never be.
 * - Query parameters: a plain name (letters, digits, `_ . - ~ [ ]`, starting
 *   with a letter); the relay encodes the value and appends it after the
 *   catalog's parameters. The host and path still come from the catalog only.
 * - At most 10 of each, names up to 64 characters, values up to 512, printable
 *   ASCII header values (what curl, fetch and requests send byte-for-byte alike).
 */
import type { OperationModel } from '../catalog/types';

export const CUSTOM_LIMITS = { count: 10, nameLength: 64, valueLength: 512 } as const;

/** RFC 9110 token characters: a header name is one token. */
export const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Printable ASCII and tab: what every snippet language sends as the same bytes. */
export const PORTABLE_HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * Headers that ask a server or a proxy in front of it to act differently
 * (another method, another URL, another client address, a cookie). A client
 * that sends one is probing, so the relay refuses it with a reason.
 */
const DANGEROUS = new Set([
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'x-original-url',
  'x-rewrite-url',
  'x-original-uri',
  'x-override-url',
  'true-client-ip',
  'cf-connecting-ip',
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'forwarded',
  'host',
  'set-cookie',
  'set-cookie2',
]);

/** True for a header name (lower case) that would change the method, URL or client address upstream. */
export function isDangerousHeader(lower: string): boolean {
  return DANGEROUS.has(lower) || lower.startsWith('x-forwarded-');
}

// Words that name a credential, as whole parts of a name (`X-Api-Key`, `access_token`, `X-Auth`), not inside
// other words (`X-Monkey`, `X-Authority-Hint` are fine).
const CREDENTIAL_NAME =
  /(^|[-_.])(authorization|auth|token|access[-_]?token|secret|client[-_]?secret|password|passwd|api[-_]?key|access[-_]?key|private[-_]?key|cookie|session|signature|credentials?)([-_.]|$)/i;
// `Basic …`, `Bearer …` and friends, Conversational AI's `agora token=…`, or a JWT (three
// base64url parts, the first a JSON object).
const CREDENTIAL_VALUE = /^\s*(basic|bearer|digest|negotiate|token|hmac[\w-]*)\s+\S|^\s*agora\s+token=\S|^eyJ[\w-]+\.[\w-]+\./i;

/** Header names that hold a credential whatever their value; never written to a link, history or storage. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** True when a name or value looks like it carries a credential. */
export function looksLikeCredential(name: string, value: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase()) || CREDENTIAL_NAME.test(name) || CREDENTIAL_VALUE.test(value);
}

function valueProblem(value: string): string | null {
  if (value.length > CUSTOM_LIMITS.valueLength) return `its value is ${value.length} characters long; the limit is ${CUSTOM_LIMITS.valueLength}.`;
  return null;
}

/**
 * Why a header the catalog does not declare may not be sent, or null when it
 * may. The reason completes "Header X is not forwarded: …".
 */
export function customHeaderProblem(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  if (!HEADER_TOKEN.test(name)) return 'a header name is letters, digits and hyphens (no spaces, colons or line breaks).';
  if (name.length > CUSTOM_LIMITS.nameLength) return `the name is ${name.length} characters long; the limit is ${CUSTOM_LIMITS.nameLength}.`;
  if (isDangerousHeader(lower)) return 'it would change the method, URL or client address the upstream sees.';
  if (!lower.startsWith('x-')) {
    return 'only X- headers can be added. The relay sets Host, Content-Type, Accept and Authorization itself and never forwards connection headers or cookies.';
  }
  if (lower.startsWith('x-sandbox-')) return 'X-Sandbox-* headers come from the Simulate menu, and only reach the sandbox.';
  if (looksLikeCredential(name, value)) {
    return 'it looks like a credential. Agora takes credentials only in Authorization, which the Credentials panel fills in; custom values appear in snippets, links and history.';
  }
  if (!PORTABLE_HEADER_VALUE.test(value)) return 'its value has a line break or a non-ASCII character; use printable ASCII.';
  return valueProblem(value);
}

const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_.~[\]-]*$/;

/** Why a query parameter the catalog does not declare may not be sent, or null when it may. */
export function customQueryProblem(name: string, value: string): string | null {
  if (!QUERY_NAME.test(name)) return 'a query name starts with a letter and uses letters, digits and _ . - ~ [ ] only.';
  if (name.length > CUSTOM_LIMITS.nameLength) return `the name is ${name.length} characters long; the limit is ${CUSTOM_LIMITS.nameLength}.`;
  if (name.toLowerCase().startsWith('x-sandbox-')) return 'X-Sandbox-* switches come from the Simulate menu.';
  if (looksLikeCredential(name, value)) {
    return 'it looks like a credential. Agora takes credentials only in Authorization, which the Credentials panel fills in; custom values appear in snippets, links and history.';
  }
  return valueProblem(value);
}

export type CustomLocation = 'header' | 'query';

/** One row of the form's "Custom headers / query" section. */
export interface CustomParam {
  in: CustomLocation;
  name: string;
  value: string;
}

const LABEL: Record<CustomLocation, string> = { header: 'Custom header', query: 'Custom query parameter' };

/** Names the catalog declares, as compared: header names ignore case, query names do not. */
function declaredNames(op: OperationModel, location: CustomLocation): Set<string> {
  return location === 'header' ? new Set(op.headerParams.map((param) => param.name.toLowerCase())) : new Set(op.queryParams.map((param) => param.name));
}

function compared(location: CustomLocation, name: string): string {
  return location === 'header' ? name.toLowerCase() : name;
}

/**
 * Each row's problem (by row index), as a sentence a reader can act on. A row
 * with a problem is not sent; an empty row is ignored. Rows beyond the limit,
 * repeats and names the catalog already declares are problems too.
 */
export function customProblems(op: OperationModel, rows: readonly CustomParam[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  const counts: Record<CustomLocation, number> = { header: 0, query: 0 };
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '' && row.value === '') return;
    const label = `${LABEL[row.in]} ${name ? `"${name}"` : `row ${index + 1}`}`;
    const fail = (reason: string) => problems.set(index, `${label}: ${reason}`);
    if (name === '') return fail('give it a name, or remove the row.');
    if (row.value === '') return fail('give it a value, or remove the row.');
    if (declaredNames(op, row.in).has(compared(row.in, name))) return fail('the operation already has this parameter; set it in the form above.');
    const key = `${row.in}:${compared(row.in, name)}`;
    if (seen.has(key)) return fail('it is given twice; keep one row.');
    seen.add(key);
    counts[row.in] += 1;
    if (counts[row.in] > CUSTOM_LIMITS.count) return fail(`at most ${CUSTOM_LIMITS.count} custom ${row.in === 'header' ? 'headers' : 'query parameters'} are sent.`);
    const reason = row.in === 'header' ? customHeaderProblem(name, row.value) : customQueryProblem(name, row.value);
    if (reason) fail(`not sent, because ${reason}`);
  });
  return problems;
}

/** The rows that are sent: complete, and without a problem. */
export function sendableCustom(op: OperationModel, rows: readonly CustomParam[]): CustomParam[] {
  const problems = customProblems(op, rows);
  return rows
    .map((row) => ({ ...row, name: row.name.trim() }))
    .filter((row, index) => row.name !== '' && row.value !== '' && !problems.has(index));
}

/**
 * The custom rows a request carries: its headers and query parameters the
 * catalog does not declare (a share link, history entry or saved form). One
 * that looks like a credential is left out: restoring never brings a
 * credential into a form, whatever a hand-made link holds.
 */
export function customFromRequest(op: OperationModel, request: { query: Record<string, string>; headers: Record<string, string> }): CustomParam[] {
  const declared = { header: declaredNames(op, 'header'), query: declaredNames(op, 'query') };
  const rows = (location: CustomLocation, values: Record<string, string>): CustomParam[] =>
    Object.entries(values)
      .filter(([name, value]) => !declared[location].has(compared(location, name)) && !looksLikeCredential(name, value))
      .map(([name, value]) => ({ in: location, name, value }));
  return [...rows('header', request.headers), ...rows('query', request.query)];
}
