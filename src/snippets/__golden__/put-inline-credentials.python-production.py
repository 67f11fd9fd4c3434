# Python 3.8+ with requests (python3 -m pip install requests).
# The credentials are written into this code: keep it out of version control and logs.
import random
import socket
import time
from email.utils import parsedate_to_datetime

import requests
from urllib3.exceptions import NewConnectionError  # installed with requests


# Retries with back-off and jitter on the statuses below and on network errors, honours
# Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.
PRIMARY = "https://api.agora.io"
ALTERNATE = None  # none for this host
ADJACENT = None  # none for this host
DELAYS = [(1, 1.25), (3, 3.75), (6, 7.5)]  # seconds before retry 1, 2, 3
RETRY_STATUSES = {429, 500, 502, 503, 504}
REPEATABLE = True  # PUT is safe to repeat here


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
    "PUT",
    "/dev/v1/kicking-rule",
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
)
print(response.status_code, response.reason)
print(response.text)
