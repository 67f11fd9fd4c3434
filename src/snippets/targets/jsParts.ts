/** Pieces shared by the two JavaScript targets. */
import { ENV, type PreparedRequest } from '../prepare';
import { jsString, jsValue } from '../quote/js';

export function jsPreamble(p: PreparedRequest, run: string): string[] {
  const lines = [`// Node 20+: save as ${run}.mjs and run \`node ${run}.mjs\`; or paste into a browser console.`];
  if (p.auth.kind === 'inline-basic' || p.auth.kind === 'inline-token') {
    lines.push('// The credentials are written into this code: keep it out of version control and logs.');
  }
  if (p.inlineSecrets) lines.push('// Secret fields are written into this code: keep it out of version control and logs.');
  const names = envNames(p);
  const secrets = p.secretEnv.map((secret) => secret.name);
  if (names.length === 0 && secrets.length === 0) return lines;
  if (names.length) lines.push(`// Credentials come from ${names.join(' and ')}: \`export ${names.map((n) => `${n}=...`).join(' ')}\``);
  if (secrets.length) lines.push(`// Secret fields come from ${secrets.join(', ')}: \`export ${secrets.map((n) => `${n}=...`).join(' ')}\``);
  lines.push(
    '// (in a browser, set globalThis.<NAME> = "..." first).',
    'function env(name) {',
    '  const value = globalThis.process?.env?.[name] ?? globalThis[name];',
    '  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);',
    '  return value;',
    '}',
  );
  return lines;
}

function envNames(p: PreparedRequest): string[] {
  if (p.auth.kind === 'env-basic') return [ENV.customerId, ENV.customerSecret];
  if (p.auth.kind === 'env-token') return [ENV.token];
  return [];
}

/** The `{ method, headers, body }` object literal, indented by `indent`. */
export function jsInit(p: PreparedRequest, indent: string, requestIdComment: string): string {
  const i1 = `${indent}  `;
  const i2 = `${indent}    `;
  const headers: string[] = [];
  switch (p.auth.kind) {
    case 'env-basic':
      headers.push(`${i2}"Authorization": "Basic " + btoa(env(${jsString(ENV.customerId)}) + ":" + env(${jsString(ENV.customerSecret)})),`);
      break;
    case 'env-token':
      headers.push(`${i2}"Authorization": ${jsString(p.auth.prefix)} + env(${jsString(ENV.token)}),`);
      break;
    case 'inline-basic':
    case 'inline-token':
      headers.push(`${i2}"Authorization": ${jsString(p.auth.header)},`);
      break;
    case 'none':
      break;
  }
  for (const [name, value] of p.headers) headers.push(`${i2}${jsString(name)}: ${jsString(value)},`);
  if (p.generateRequestId) headers.push(`${i2}"X-Request-ID": crypto.randomUUID(),${requestIdComment}`);

  const lines = [`{`, `${i1}method: ${jsString(p.method)},`];
  if (headers.length) lines.push(`${i1}headers: {`, ...headers, `${i1}},`);
  if (p.hasBody) lines.push(`${i1}body: JSON.stringify(${jsValue(p.body, i1)}),`);
  lines.push(`${indent}}`);
  return lines.join('\n');
}

export const JS_PRINT = ['console.log(response.status, response.statusText);', 'console.log(await response.text());'];
