// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// Credentials come from AGORA_TOKEN: `export AGORA_TOKEN=...`
// (in a browser, set globalThis.<NAME> = "..." first).
function env(name) {
  const value = globalThis.process?.env?.[name] ?? globalThis[name];
  if (!value) throw new Error(`${name} is not set: export ${name}=... and run again.`);
  return value;
}

const response = await fetch("https://api.agora.io/v1/projects/proj-1/rtc/channels", {
  method: "POST",
  headers: {
    "Authorization": "Bearer " + env("AGORA_TOKEN"),
    "Content-Type": "application/json",
    "X-Request-ID": crypto.randomUUID(),
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
