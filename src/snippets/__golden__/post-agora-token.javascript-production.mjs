// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_TOKEN: `export AGORA_TOKEN=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

// Agora's retry practice, with the same plan and rules as this site's relay:
// - failover: the primary domain, the primary again, the alternate, then the adjacent region;
//   a 429 stays on the same domain, a network failure other than DNS skips the alternate;
// - back-off with jitter, at least what Retry-After asks, and at most MAX_ATTEMPTS attempts;
// - 429 and DNS or connect failures are retried for any method; a 5xx, reset or timeout
//   (the call may have reached Agora) only when the call is safe to repeat.
const STAGES = [
  { stage: "primary", url: "https://api.agora.io" },
  { stage: "primary-retry", url: "https://api.agora.io" }, // the same domain again
  { stage: "alternate", url: null }, // none for this host
  { stage: "adjacent", url: null }, // none for this host
];
const RETRY_STATUSES = [429, 500, 502, 503, 504];
const SAFE_TO_REPEAT = false; // POST could act twice if repeated after it reached Agora
const BACKOFF_MS = [[1000, 1200], [3000, 3600], [6000, 7000]]; // [min, max] before retry 1, 2, 3
const MAX_ATTEMPTS = 4;
const ATTEMPT_TIMEOUT_MS = 10000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Node names the cause of a network failure; a browser does not, which counts as "reset".
function failureKind(error) {
  if (error?.name === "TimeoutError") return "timeout";
  const code = error?.cause?.code;
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME"].includes(code)) return "dns";
  if (["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"].includes(code)) return "connect";
  return "reset";
}

// A 429 was refused before Agora acted on it; DNS and connect failures never reached it.
function isRepeatable(outcome) {
  return outcome === 429 || outcome === "dns" || outcome === "connect" || SAFE_TO_REPEAT;
}

// The quota is per account, so a 429 stays on its domain; the next stage may not exist for every host.
function nextStage(stage, outcome) {
  if (outcome === 429) return stage;
  for (let next = stage + 1; next < STAGES.length; next++) {
    if (STAGES[next].url === null) continue;
    if (STAGES[next].stage === "alternate" && typeof outcome === "string" && outcome !== "dns") continue;
    return next;
  }
  return stage;
}

function retryAfterMs(response) {
  const value = response.headers.get("Retry-After")?.trim() ?? "";
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN; // an HTTP-date names a month
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

// Each failed attempt is reported on stderr; the last answer (or error) is what the call returns.
async function callAgora(pathAndQuery, init) {
  let stage = 0;
  for (let attempt = 1; ; attempt++) {
    const { url } = STAGES[stage];
    let response, error, outcome;
    try {
      response = await fetch(url + pathAndQuery, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
      if (!RETRY_STATUSES.includes(response.status)) return response;
      outcome = response.status;
    } catch (caught) {
      error = caught;
      outcome = failureKind(caught);
    }
    const failed = `${url}: ${outcome} (attempt ${attempt} of ${MAX_ATTEMPTS})`;
    const stop = !isRepeatable(outcome) ? `not repeated: ${init.method} may already have been processed`
      : attempt === MAX_ATTEMPTS ? "giving up" : null;
    if (stop) {
      console.error(`${failed}; ${stop}`);
      if (error) throw error;
      return response;
    }
    const [min, max] = BACKOFF_MS[attempt - 1];
    const waitMs = Math.max(min + Math.random() * (max - min), response ? retryAfterMs(response) : 0);
    stage = nextStage(stage, outcome);
    console.error(`${failed}; retrying on ${STAGES[stage].url} in ${(waitMs / 1000).toFixed(1)} s`);
    await response?.body?.cancel();
    await sleep(waitMs);
  }
}

const response = await callAgora("/api/conversational-ai-agent/v2/projects/0123456789abcdef0123456789abcdef/agents/1NT29X10YHDS8UWJOXLYHNYB/speak", {
  method: "POST",
  headers: {
    "Authorization": "agora token=" + env("AGORA_TOKEN"),
    "Content-Type": "application/json",
    "X-Request-ID": "req-speak",
  },
  body: JSON.stringify({
    "text": "Your order has shipped.",
    "priority": "INTERRUPT",
    "interruptable": false
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
