# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...
# Secret fields come from the environment: export AGORA_RECORDING_RTC_TOKEN=... AGORA_STORAGE_ACCESS_KEY=... AGORA_STORAGE_SECRET_KEY=...
import os

import requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


response = requests.request(
    "POST",
    "https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/res-1/mode/mix/start",
    auth=(env("AGORA_CUSTOMER_ID"), env("AGORA_CUSTOMER_SECRET")),
    headers={
        "Content-Type": "application/json",
        "X-Request-ID": "req-secret",
    },
    json={
        "cname": "demo",
        "uid": "527841",
        "clientRequest": {
            "token": env("AGORA_RECORDING_RTC_TOKEN"),
            "storageConfig": {
                "vendor": 1,
                "region": 0,
                "bucket": "demo-bucket",
                "accessKey": env("AGORA_STORAGE_ACCESS_KEY"),
                "secretKey": env("AGORA_STORAGE_SECRET_KEY"),
            },
        },
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
