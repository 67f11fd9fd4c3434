// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_TOKEN: `export AGORA_TOKEN=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

// Retries with back-off and jitter on the statuses below and on network errors, honours
// Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.
const PRIMARY = "https://api.agora.io";
const ALTERNATE = "https://api.sd-rtn.com"; // the same host under the other domain family
const ADJACENT = null; // none for this host
const DELAYS_MS = [[1000, 1250], [3000, 3750], [6000, 7500]]; // before retry 1, 2, 3
const RETRY_STATUSES = [429, 500, 502, 503, 504];
const REPEATABLE = false; // POST: repeated only when the request certainly never reached Agora, or on 429

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

const response = await callAgora("/v1/projects/proj-1/rtc/channels", {
  method: "POST",
  headers: {
    "Authorization": "Bearer " + env("AGORA_TOKEN"),
    "Content-Type": "application/json",
    "X-Request-ID": crypto.randomUUID(), // one id for every attempt, so Agora support can trace the call
  },
  body: JSON.stringify({
    "channel": "it's \"quoted\" $HOME ${PATH} `id` $(id) !! \\n \\ back\\slash",
    "unicode": "ünïcødé 日本語 🎉 \u2028 \u00ad",
    "multiline": "line 1\nline 2\r\nline 3",
    ["__proto__"]: {
      "polluted": true
    },
    "key with \"quotes\" and 'apostrophes'": [
      1,
      2.5,
      -0.001,
      1e+21,
      true,
      false,
      null,
      [],
      {}
    ],
    "nested": {
      "deeper": {
        "text": "</script><!-- $x `y` -->"
      }
    }
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
