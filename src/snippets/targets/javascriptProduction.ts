/**
 * JavaScript `fetch` wrapped in Agora's retry practice. The data (hosts per
 * failover stage, statuses, the repeat rule, back-off ranges, attempts) comes
 * from the one retry policy; the code below is that policy's state machine, as
 * the relay runs it, written out in JavaScript.
 */
import { FAILOVER_STAGES } from '../../catalog/retryPolicy';
import { CONNECT_ERROR_CODES, DNS_ERROR_CODES } from '../../relay/contract';
import type { PreparedRequest } from '../prepare';
import { jsString } from '../quote/js';
import type { SnippetRetryPlan } from '../retryPlan';
import { JS_PRINT, jsInit, jsPreamble } from './jsParts';
import { repeatComment, stageComments } from './productionComments';

const orNull = (url: string | null) => (url === null ? 'null' : jsString(url));
const codes = (list: readonly string[]) => `[${list.map(jsString).join(', ')}]`;

/** The production JavaScript variant of one request. */
export function javascriptProductionSnippet(p: PreparedRequest, plan: SnippetRetryPlan): string {
  const comments = stageComments(plan);
  const stages = FAILOVER_STAGES.map(
    (stage) => `  { stage: ${jsString(stage)}, url: ${orNull(plan.urls[stage])} },${comments[stage] ? ` // ${comments[stage]}` : ''}`,
  );
  const backoff = plan.backoffRangesMs.map(([min, max]) => `[${min}, ${max}]`).join(', ');
  const retries = plan.backoffRangesMs.map((_, index) => index + 1).join(', ');
  return [
    ...jsPreamble(p, 'call'),
    '',
    "// Agora's retry practice, with the same plan and rules as this site's relay:",
    '// - failover: the primary domain, the primary again, the alternate, then the adjacent region;',
    '//   a 429 stays on the same domain, a network failure other than DNS skips the alternate;',
    '// - back-off with jitter, at least what Retry-After asks, and at most MAX_ATTEMPTS attempts;',
    '// - 429 and DNS or connect failures are retried for any method; a 5xx, reset or timeout',
    '//   (the call may have reached Agora) only when the call is safe to repeat.',
    'const STAGES = [',
    ...stages,
    '];',
    `const RETRY_STATUSES = [${plan.retryStatuses.join(', ')}];`,
    `const SAFE_TO_REPEAT = ${plan.safeToRepeat}; // ${repeatComment(p.method, plan)}`,
    `const BACKOFF_MS = [${backoff}]; // [min, max] before retry ${retries}`,
    `const MAX_ATTEMPTS = ${plan.maxAttempts};`,
    `const ATTEMPT_TIMEOUT_MS = ${plan.attemptTimeoutMs};`,
    '',
    'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
    '',
    '// Node names the cause of a network failure; a browser does not, which counts as "reset".',
    'function failureKind(error) {',
    '  if (error?.name === "TimeoutError") return "timeout";',
    '  const code = error?.cause?.code;',
    `  if (${codes(DNS_ERROR_CODES)}.includes(code)) return "dns";`,
    `  if (${codes(CONNECT_ERROR_CODES)}.includes(code)) return "connect";`,
    '  return "reset";',
    '}',
    '',
    '// A 429 was refused before Agora acted on it; DNS and connect failures never reached it.',
    'function isRepeatable(outcome) {',
    '  return outcome === 429 || outcome === "dns" || outcome === "connect" || SAFE_TO_REPEAT;',
    '}',
    '',
    '// The quota is per account, so a 429 stays on its domain; the next stage may not exist for every host.',
    'function nextStage(stage, outcome) {',
    '  if (outcome === 429) return stage;',
    '  for (let next = stage + 1; next < STAGES.length; next++) {',
    '    if (STAGES[next].url === null) continue;',
    '    if (STAGES[next].stage === "alternate" && typeof outcome === "string" && outcome !== "dns") continue;',
    '    return next;',
    '  }',
    '  return stage;',
    '}',
    '',
    'function retryAfterMs(response) {',
    '  const value = response.headers.get("Retry-After")?.trim() ?? "";',
    '  if (/^\\d+$/.test(value)) return Number(value) * 1000;',
    '  const date = /[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN; // an HTTP-date names a month',
    '  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());',
    '}',
    '',
    '// Each failed attempt is reported on stderr; the last answer (or error) is what the call returns.',
    'async function callAgora(pathAndQuery, init) {',
    '  let stage = 0;',
    '  for (let attempt = 1; ; attempt++) {',
    '    const { url } = STAGES[stage];',
    '    let response, error, outcome;',
    '    try {',
    '      response = await fetch(url + pathAndQuery, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });',
    '      if (!RETRY_STATUSES.includes(response.status)) return response;',
    '      outcome = response.status;',
    '    } catch (caught) {',
    '      error = caught;',
    '      outcome = failureKind(caught);',
    '    }',
    '    const failed = `${url}: ${outcome} (attempt ${attempt} of ${MAX_ATTEMPTS})`;',
    '    const stop = !isRepeatable(outcome) ? `not repeated: ${init.method} may already have been processed`',
    '      : attempt === MAX_ATTEMPTS ? "giving up" : null;',
    '    if (stop) {',
    '      console.error(`${failed}; ${stop}`);',
    '      if (error) throw error;',
    '      return response;',
    '    }',
    '    const [min, max] = BACKOFF_MS[attempt - 1];',
    '    const waitMs = Math.max(min + Math.random() * (max - min), response ? retryAfterMs(response) : 0);',
    '    stage = nextStage(stage, outcome);',
    '    console.error(`${failed}; retrying on ${STAGES[stage].url} in ${(waitMs / 1000).toFixed(1)} s`);',
    '    await response?.body?.cancel();',
    '    await sleep(waitMs);',
    '  }',
    '}',
    '',
    `const response = await callAgora(${jsString(p.pathAndQuery)}, ${jsInit(p, '', ' // one id for every attempt, so Agora support can trace the call')});`,
    ...JS_PRINT,
    '',
  ].join('\n');
}
