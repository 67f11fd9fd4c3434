// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET: `export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...`
// Secret fields come from AGORA_RECORDING_RTC_TOKEN, AGORA_STORAGE_ACCESS_KEY, AGORA_STORAGE_SECRET_KEY: `export AGORA_RECORDING_RTC_TOKEN=... AGORA_STORAGE_ACCESS_KEY=... AGORA_STORAGE_SECRET_KEY=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

const response = await fetch("https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/res-1/mode/mix/start", {
  method: "POST",
  headers: {
    "Authorization": "Basic " + btoa(env("AGORA_CUSTOMER_ID") + ":" + env("AGORA_CUSTOMER_SECRET")),
    "Content-Type": "application/json",
    "X-Request-ID": "req-secret",
  },
  body: JSON.stringify({
    "cname": "demo",
    "uid": "527841",
    "clientRequest": {
      "token": env("AGORA_RECORDING_RTC_TOKEN"),
      "storageConfig": {
        "vendor": 1,
        "region": 0,
        "bucket": "demo-bucket",
        "accessKey": env("AGORA_STORAGE_ACCESS_KEY"),
        "secretKey": env("AGORA_STORAGE_SECRET_KEY")
      }
    }
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
