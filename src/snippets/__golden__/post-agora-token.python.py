# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_TOKEN=...
import os

import requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


response = requests.request(
    "POST",
    "https://api.agora.io/api/conversational-ai-agent/v2/projects/0123456789abcdef0123456789abcdef/agents/1NT29X10YHDS8UWJOXLYHNYB/speak",
    headers={
        "Authorization": "agora token=" + env("AGORA_TOKEN"),
        "Content-Type": "application/json",
        "X-Request-ID": "req-speak",
    },
    json={
        "text": "Your order has shipped.",
        "priority": "INTERRUPT",
        "interruptable": False,
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
