// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET: `export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

// Retries with back-off and jitter on the statuses below and on network errors, honours
// Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.
const PRIMARY = "https://api-eu-central-1.agora.io";
const ALTERNATE = "https://api-eu-central-1.sd-rtn.com"; // the same host under the other domain family
const ADJACENT = "https://api-eu-west-1.agora.io"; // the neighbouring region
const DELAYS_MS = [[5000, 6000], [10000, 11000], [15000, 16000]]; // before retry 1, 2, 3
const RETRY_STATUSES = [404, 429, 500, 502, 503, 504];
const REPEATABLE = true; // GET is safe to repeat here

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

const response = await callAgora("/v1/projects/a%2Fb%3Fc%3Dd%26e%20%23f/cloud-player/players/%C3%BCn%C3%AF%20%F0%9F%8E%89%20it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash?filter=channelName%20eq%20a%26b%3Dc&pageToken=50%25%20%26%20100%2525%20%2B%20plus&note=it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash%0Asecond%20line%09tab", {
  method: "GET",
  headers: {
    "Authorization": "Basic " + btoa(env("AGORA_CUSTOMER_ID") + ":" + env("AGORA_CUSTOMER_SECRET")),
    "X-Request-ID": "req-0001",
    "X-Note": "it's \"q\" $HOME `id` !x & y=z; %41",
  },
});
console.log(response.status, response.statusText);
console.log(await response.text());
