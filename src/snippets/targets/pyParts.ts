/** Pieces shared by the two Python targets. */
import { ENV, type PreparedRequest } from '../prepare';
import { pyString, pyValue } from '../quote/python';

export function pyHeader(p: PreparedRequest, extraImports: string[], thirdParty: string[]): string[] {
  const credentials = envNames(p);
  const secrets = p.secretEnv.map((secret) => secret.name);
  const names = [...credentials, ...secrets];
  const lines = ['# Python 3.8+ with requests (python3 -m pip install requests).'];
  if (credentials.length) lines.push(`# Credentials come from the environment: export ${credentials.map((n) => `${n}=...`).join(' ')}`);
  if (secrets.length) lines.push(`# Secret fields come from the environment: export ${secrets.map((n) => `${n}=...`).join(' ')}`);
  if (p.auth.kind === 'inline-basic' || p.auth.kind === 'inline-token') {
    lines.push('# The credentials are written into this code: keep it out of version control and logs.');
  }
  if (p.inlineSecrets) lines.push('# Secret fields are written into this code: keep it out of version control and logs.');
  const std = new Set(extraImports);
  if (names.length) std.add('os');
  if (p.generateRequestId) std.add('uuid');
  const sorted = [...std].sort();
  // Plain imports first, then `from` imports, as isort orders them.
  lines.push(...sorted.filter((m) => !m.startsWith('from ')).map((m) => `import ${m}`));
  lines.push(...sorted.filter((m) => m.startsWith('from ')));
  lines.push('', 'import requests', ...thirdParty);
  if (names.length) {
    lines.push(
      '',
      '',
      'def env(name):',
      '    value = os.environ.get(name)',
      '    if not value:',
      '        raise SystemExit(f"{name} is not set: export {name}=... and run again.")',
      '    return value',
    );
  }
  return lines;
}

function envNames(p: PreparedRequest): string[] {
  if (p.auth.kind === 'env-basic') return [ENV.customerId, ENV.customerSecret];
  if (p.auth.kind === 'env-token') return [ENV.token];
  return [];
}

/** Keyword arguments for `requests` (auth, headers, json), each line indented by `indent`. */
export function pyKwargs(p: PreparedRequest, indent: string, requestIdComment: string): string[] {
  const i2 = `${indent}    `;
  const lines: string[] = [];
  const headers: string[] = [];
  switch (p.auth.kind) {
    case 'env-basic':
      lines.push(`${indent}auth=(env(${pyString(ENV.customerId)}), env(${pyString(ENV.customerSecret)})),`);
      break;
    case 'env-token':
      headers.push(`${i2}"Authorization": ${pyString(p.auth.prefix)} + env(${pyString(ENV.token)}),`);
      break;
    case 'inline-basic':
    case 'inline-token':
      headers.push(`${i2}"Authorization": ${pyString(p.auth.header)},`);
      break;
    case 'none':
      break;
  }
  for (const [name, value] of p.headers) headers.push(`${i2}${pyString(name)}: ${pyString(value)},`);
  if (p.generateRequestId) headers.push(`${i2}"X-Request-ID": str(uuid.uuid4()),${requestIdComment}`);
  if (headers.length) lines.push(`${indent}headers={`, ...headers, `${indent}},`);
  if (p.hasBody) lines.push(`${indent}json=${pyValue(p.body, indent)},`);
  return lines;
}

export const PY_PRINT = ['print(response.status_code, response.reason)', 'print(response.text)'];
