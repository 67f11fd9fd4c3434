// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Secret fields are written into this code: keep it out of version control and logs.
// Credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET: `export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

const response = await fetch("https://api.agora.io/na/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players", {
  method: "POST",
  headers: {
    "Authorization": "Basic " + btoa(env("AGORA_CUSTOMER_ID") + ":" + env("AGORA_CUSTOMER_SECRET")),
    "Content-Type": "application/json",
    "X-Request-ID": "req-inline",
  },
  body: JSON.stringify({
    "player": {
      "streamUrl": "rtmp://example.com/live/a",
      "channelName": "demo",
      "uid": 7,
      "token": "tok'en $x",
      "encryptKey": "k\"e\\y"
    }
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
