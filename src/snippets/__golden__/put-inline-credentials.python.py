# Python 3.8+ with requests (python3 -m pip install requests).
# The credentials are written into this code: keep it out of version control and logs.

import requests


response = requests.request(
    "PUT",
    "https://api.agora.io/dev/v1/kicking-rule",
    headers={
        "Authorization": "Basic aWQnd2l0aCJxdW90ZXMkeDpzZWMhcmV0YHdob2FtaWA=",
        "Content-Type": "application/json",
        "X-Request-ID": "fixed id with spaces",
    },
    json={
        "appid": "0123456789abcdef0123456789abcdef",
        "id": 1953,
        "time": 60,
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
