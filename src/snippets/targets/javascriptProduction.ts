/**
 * JavaScript `fetch` wrapped in Agora's retry practice: back-off with jitter,
 * Retry-After, domain failover, and no blind repeat of unsafe methods.
 */
import type { PreparedRequest } from '../prepare';
import { jsString } from '../quote/js';
import type { RetryPlan } from '../retryPlan';
import { JS_PRINT, jsInit, jsPreamble } from './jsParts';

const orNull = (url: string | null) => (url === null ? 'null' : jsString(url));

export function javascriptProductionSnippet(p: PreparedRequest, plan: RetryPlan): string {
  const delays = plan.delaysMs.map(([min, max]) => `[${min}, ${max}]`).join(', ');
  const repeatNote = plan.repeatable
    ? `${p.method} is safe to repeat here`
    : `${p.method}: repeated only when the request certainly never reached Agora, or on 429`;
  return [
    ...jsPreamble(p, 'call'),
    '',
    '// Retries with back-off and jitter on the statuses below and on network errors, honours',
    '// Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.',
    `const PRIMARY = ${jsString(plan.primary)};`,
    `const ALTERNATE = ${orNull(plan.alternate)}; // ${plan.alternate ? 'the same host under the other domain family' : 'none for this host'}`,
    `const ADJACENT = ${orNull(plan.adjacent)}; // ${plan.adjacent ? 'the neighbouring region' : 'none for this host'}`,
    `const DELAYS_MS = [${delays}]; // before retry 1, 2, 3`,
    `const RETRY_STATUSES = [${plan.retryStatuses.join(', ')}];`,
    `const REPEATABLE = ${plan.repeatable}; // ${repeatNote}`,
    '',
    'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
    '',
    '// "dns" and "connect" failures never reached a server (Node reports the cause; browsers do not).',
    'function failureKind(error) {',
    '  const code = error?.cause?.code;',
    '  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";',
    '  if (code === "ECONNREFUSED") return "connect";',
    '  return "unknown";',
    '}',
    '',
    'function retryAfterMs(response) {',
    '  const value = response.headers.get("Retry-After") ?? "";',
    '  if (/^\\d+$/.test(value)) return Number(value) * 1000;',
    '  const date = Date.parse(value);',
    '  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());',
    '}',
    '',
    '// A network failure other than DNS skips the alternate domain and goes to the adjacent one.',
    'function hostFor(retry, skipAlternate) {',
    '  if (retry < 2) return PRIMARY;',
    '  if (retry === 2 && !(skipAlternate && ADJACENT)) return ALTERNATE ?? PRIMARY;',
    '  return ADJACENT ?? ALTERNATE ?? PRIMARY;',
    '}',
    '',
    'async function callAgora(pathAndQuery, init) {',
    '  let skipAlternate = false;',
    '  for (let retry = 0; ; retry++) {',
    '    let waitMs = 0;',
    '    try {',
    '      const response = await fetch(hostFor(retry, skipAlternate) + pathAndQuery, { ...init, signal: AbortSignal.timeout(15000) });',
    '      const retryable = RETRY_STATUSES.includes(response.status) && (REPEATABLE || response.status === 429);',
    '      if (!retryable || retry === DELAYS_MS.length) return response;',
    '      waitMs = retryAfterMs(response);',
    '      skipAlternate = false;',
    '      await response.body?.cancel();',
    '    } catch (error) {',
    '      const kind = failureKind(error);',
    '      if (retry === DELAYS_MS.length || !(REPEATABLE || kind !== "unknown")) throw error;',
    '      skipAlternate = kind !== "dns";',
    '    }',
    '    const [min, max] = DELAYS_MS[retry];',
    '    await sleep(Math.max(waitMs, min + Math.random() * (max - min)));',
    '  }',
    '}',
    '',
    `const response = await callAgora(${jsString(p.pathAndQuery)}, ${jsInit(p, '', ' // one id for every attempt, so Agora support can trace the call')});`,
    ...JS_PRINT,
    '',
  ].join('\n');
}
