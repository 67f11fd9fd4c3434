// Node 20+: save as call.mjs and run `node call.mjs`; or paste into a browser console.
// The credentials are written into this code: keep it out of version control and logs.

const response = await fetch("https://api.agora.io/dev/v1/kicking-rule", {
  method: "PUT",
  headers: {
    "Authorization": "Basic aWQnd2l0aCJxdW90ZXMkeDpzZWMhcmV0YHdob2FtaWA=",
    "Content-Type": "application/json",
    "X-Request-ID": "fixed id with spaces",
  },
  body: JSON.stringify({
    "appid": "0123456789abcdef0123456789abcdef",
    "id": 1953,
    "time": 60
  }),
});
console.log(response.status, response.statusText);
console.log(await response.text());
