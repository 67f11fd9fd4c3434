// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.

const response = await fetch("https://api.agora.io/dev/v1/kicking-rule?keep=%3D", {
  method: "DELETE",
  headers: {
    "Content-Type": "application/json",
    "X-Request-ID": crypto.randomUUID(),
  },
  body: JSON.stringify({
    "appid": "x",
    "id": 7
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
