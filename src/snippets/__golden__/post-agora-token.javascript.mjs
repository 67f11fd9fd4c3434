// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_TOKEN: `export AGORA_TOKEN=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

const response = await fetch("https://api.agora.io/api/conversational-ai-agent/v2/projects/0123456789abcdef0123456789abcdef/agents/1NT29X10YHDS8UWJOXLYHNYB/speak", {
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
