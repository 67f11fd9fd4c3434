# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_TOKEN=...
import os
import uuid

import requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


response = requests.request(
    "POST",
    "https://api.agora.io/v1/projects/proj-1/rtc/channels",
    headers={
        "Authorization": "Bearer " + env("AGORA_TOKEN"),
        "Content-Type": "application/json",
        "X-Request-ID": str(uuid.uuid4()),
    },
    json={
        "channel": "it's \"quoted\" $HOME ${PATH} `id` $(id) !! \\n \\ back\\slash",
        "unicode": "ünïcødé 日本語 🎉 \u2028 \u00ad",
        "multiline": "line 1\nline 2\r\nline 3",
        "__proto__": {
            "polluted": True,
        },
        "key with \"quotes\" and 'apostrophes'": [
            1,
            2.5,
            -0.001,
            1e+21,
            True,
            False,
            None,
            [],
            {},
        ],
        "nested": {
            "deeper": {
                "text": "</script><!-- $x `y` -->",
            },
        },
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
