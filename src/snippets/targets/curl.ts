/**
 * cURL for bash (and zsh): one command, so a paste into a terminal either runs
 * whole or, when a variable is unset, not at all. No comments or `set -e`: an
 * interactive zsh treats `#` as a command and `set -e` would close the shell.
 */
import { ENV, type PreparedRequest } from '../prepare';
import { envMarker } from '../quote/envRef';
import { readableJson } from '../quote/json';
import { shellQuote } from '../quote/shell';

// uuidgen ships with macOS and util-linux; slim Linux images without it still have /proc.
const RUNTIME_REQUEST_ID = '$(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)';

function required(name: string, what: string): string {
  return `\${${name}:?is not set: export ${name}=<${what}>}`;
}

/**
 * The JSON body in single quotes, with each secret spliced in from its
 * variable: `"'"${NAME:?...}"'"` closes the quote, expands the variable in
 * double quotes (so an unset one stops the command with a message) and
 * reopens it. The value lands inside a JSON string as is, which suits keys and
 * tokens (no `"` or `\`).
 */
function bodyArgument(p: PreparedRequest): string {
  let quoted = shellQuote(readableJson(p.body));
  for (const secret of p.secretEnv) {
    quoted = quoted.split(JSON.stringify(envMarker(secret.name))).join(`"'"${required(secret.name, secret.field)}"'"`);
  }
  return quoted;
}

export function curlSnippet(p: PreparedRequest): string {
  const args: string[] = [];
  // curl expands [] and {} in URLs as globs; encoded paths never contain them, an IPv6 base does.
  const glob = /[[\]{}]/.test(p.url) ? ' --globoff' : '';
  args.push(`curl --silent --show-error${glob} --request ${p.method}`);
  args.push(`--url ${shellQuote(p.url)}`);

  switch (p.auth.kind) {
    case 'env-basic':
      args.push(`--user "${required(ENV.customerId, 'Customer ID')}:${required(ENV.customerSecret, 'Customer Secret')}"`);
      break;
    case 'env-token':
      args.push(`--header "Authorization: ${p.auth.prefix}${required(ENV.token, 'token')}"`);
      break;
    case 'inline-basic':
      args.push(`--user ${shellQuote(`${p.auth.customerId}:${p.auth.customerSecret}`)}`);
      break;
    case 'inline-token':
      args.push(`--header ${shellQuote(`Authorization: ${p.auth.header}`)}`);
      break;
    case 'none':
      break;
  }

  for (const [name, value] of p.headers) {
    // `Name:` with nothing after it would tell curl to remove the header; `Name;` sends it empty.
    args.push(`--header ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  if (p.generateRequestId) args.push(`--header "X-Request-ID: ${RUNTIME_REQUEST_ID}"`);
  args.push(`--write-out ${shellQuote('\\nHTTP status: %{http_code}\\n')}`);
  // --data-raw: a body starting with @ is data, not a file name.
  if (p.hasBody) args.push(`--data-raw ${bodyArgument(p)}`);

  return `${args.join(' \\\n  ')}\n`;
}
