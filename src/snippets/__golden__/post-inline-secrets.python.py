# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...
# Secret fields are written into this code: keep it out of version control and logs.
import os

import requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


response = requests.request(
    "POST",
    "https://api.agora.io/na/v1/projects/0123456789abcdef0123456789abcdef/cloud-player/players",
    auth=(env("AGORA_CUSTOMER_ID"), env("AGORA_CUSTOMER_SECRET")),
    headers={
        "Content-Type": "application/json",
        "X-Request-ID": "req-inline",
    },
    json={
        "player": {
            "streamUrl": "rtmp://example.com/live/a",
            "channelName": "demo",
            "uid": 7,
            "token": "tok'en $x",
            "encryptKey": "k\"e\\y",
        },
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
