# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_TOKEN=...
import os
import random
import socket
import time
import uuid
from email.utils import parsedate_to_datetime

import requests
from urllib3.exceptions import NewConnectionError  # installed with requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


# Retries with back-off and jitter on the statuses below and on network errors, honours
# Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.
PRIMARY = "https://api.agora.io"
ALTERNATE = "https://api.sd-rtn.com"  # the same host under the other domain family
ADJACENT = None  # none for this host
DELAYS = [(1, 1.25), (3, 3.75), (6, 7.5)]  # seconds before retry 1, 2, 3
RETRY_STATUSES = {429, 500, 502, 503, 504}
REPEATABLE = False  # POST: repeated only when the request certainly never reached Agora, or on 429


# "dns" and "connect" failures never reached a server.
def failure_kind(error):
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, NewConnectionError):
        return "dns" if isinstance(reason.__context__, socket.gaierror) else "connect"
    return "unknown"


def retry_after(response):
    value = response.headers.get("Retry-After", "")
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def host_for(retry, skip_alternate):
    # A network failure other than DNS skips the alternate domain and goes to the adjacent one.
    if retry < 2:
        return PRIMARY
    if retry == 2 and not (skip_alternate and ADJACENT):
        return ALTERNATE or PRIMARY
    return ADJACENT or ALTERNATE or PRIMARY


def call_agora(method, path_and_query, **kwargs):
    skip_alternate = False
    for retry in range(len(DELAYS) + 1):
        wait = 0.0
        try:
            response = requests.request(method, host_for(retry, skip_alternate) + path_and_query, timeout=15, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as error:
            kind = failure_kind(error)
            if retry == len(DELAYS) or not (REPEATABLE or kind != "unknown"):
                raise
            skip_alternate = kind != "dns"
        else:
            status = response.status_code
            retryable = status in RETRY_STATUSES and (REPEATABLE or status == 429)
            if not retryable or retry == len(DELAYS):
                return response
            wait = retry_after(response)
            skip_alternate = False
        low, high = DELAYS[retry]
        time.sleep(max(wait, random.uniform(low, high)))


response = call_agora(
    "POST",
    "/v1/projects/proj-1/rtc/channels",
    headers={
        "Authorization": "Bearer " + env("AGORA_TOKEN"),
        "Content-Type": "application/json",
        "X-Request-ID": str(uuid.uuid4()),  # one id for every attempt, so Agora support can trace the call
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
)
print(response.status_code, response.reason)
print(response.text)
