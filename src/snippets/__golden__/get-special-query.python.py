# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...
import os

import requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


response = requests.request(
    "GET",
    "https://api-eu-central-1.agora.io/v1/projects/a%2Fb%3Fc%3Dd%26e%20%23f/cloud-player/players/%C3%BCn%C3%AF%20%F0%9F%8E%89%20it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash?filter=channelName%20eq%20a%26b%3Dc&pageToken=50%25%20%26%20100%2525%20%2B%20plus&note=it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash%0Asecond%20line%09tab",
    auth=(env("AGORA_CUSTOMER_ID"), env("AGORA_CUSTOMER_SECRET")),
    headers={
        "X-Request-ID": "req-0001",
        "X-Note": "it's \"q\" $HOME `id` !x & y=z; %41",
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
