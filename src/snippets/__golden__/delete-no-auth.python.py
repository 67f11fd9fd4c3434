# Python 3.8+ with requests (python3 -m pip install requests).
import uuid

import requests


response = requests.request(
    "DELETE",
    "https://api.agora.io/dev/v1/kicking-rule?keep=%3D",
    headers={
        "Content-Type": "application/json",
        "X-Request-ID": str(uuid.uuid4()),
    },
    json={
        "appid": "x",
        "id": 7,
    },
    timeout=30,
)
print(response.status_code, response.reason)
print(response.text)
