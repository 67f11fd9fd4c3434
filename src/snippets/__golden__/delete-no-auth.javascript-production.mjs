// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.

// Retries with back-off and jitter on the statuses below and on network errors, honours
// Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.
const PRIMARY = "https://api.agora.io";
const ALTERNATE = null; // none for this host
const ADJACENT = null; // none for this host
const DELAYS_MS = [[1000, 1250], [3000, 3750], [6000, 7500]]; // before retry 1, 2, 3
const RETRY_STATUSES = [429, 500, 502, 503, 504];
const REPEATABLE = true; // DELETE is safe to repeat here

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// "dns" and "connect" failures never reached a server (Node reports the cause; browsers do not).
function failureKind(error) {
  const code = error?.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "ECONNREFUSED") return "connect";
  return "unknown";
}

function retryAfterMs(response) {
  const value = response.headers.get("Retry-After") ?? "";
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

// A network failure other than DNS skips the alternate domain and goes to the adjacent one.
function hostFor(retry, skipAlternate) {
  if (retry < 2) return PRIMARY;
  if (retry === 2 && !(skipAlternate && ADJACENT)) return ALTERNATE ?? PRIMARY;
  return ADJACENT ?? ALTERNATE ?? PRIMARY;
}

async function callAgora(pathAndQuery, init) {
  let skipAlternate = false;
  for (let retry = 0; ; retry++) {
    let waitMs = 0;
    try {
      const response = await fetch(hostFor(retry, skipAlternate) + pathAndQuery, { ...init, signal: AbortSignal.timeout(15000) });
      const retryable = RETRY_STATUSES.includes(response.status) && (REPEATABLE || response.status === 429);
      if (!retryable || retry === DELAYS_MS.length) return response;
      waitMs = retryAfterMs(response);
      skipAlternate = false;
      await response.body?.cancel();
    } catch (error) {
      const kind = failureKind(error);
      if (retry === DELAYS_MS.length || !(REPEATABLE || kind !== "unknown")) throw error;
      skipAlternate = kind !== "dns";
    }
    const [min, max] = DELAYS_MS[retry];
    await sleep(Math.max(waitMs, min + Math.random() * (max - min)));
  }
}

const response = await callAgora("/dev/v1/kicking-rule?keep=%3D", {
  method: "DELETE",
  headers: {
    "Content-Type": "application/json",
    "X-Request-ID": crypto.randomUUID(), // one id for every attempt, so Agora support can trace the call
  },
  body: JSON.stringify({
    "appid": "x",
    "id": 7
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
