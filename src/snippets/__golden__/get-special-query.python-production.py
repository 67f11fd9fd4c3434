# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_CUSTOMER_ID=... AGORA_CUSTOMER_SECRET=...
import os
import random
import socket
import time
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
PRIMARY = "https://api-eu-central-1.agora.io"
ALTERNATE = "https://api-eu-central-1.sd-rtn.com"  # the same host under the other domain family
ADJACENT = "https://api-eu-west-1.agora.io"  # the neighbouring region
DELAYS = [(5, 6), (10, 11), (15, 16)]  # seconds before retry 1, 2, 3
RETRY_STATUSES = {404, 429, 500, 502, 503, 504}
REPEATABLE = True  # GET is safe to repeat here


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
    "GET",
    "/v1/projects/a%2Fb%3Fc%3Dd%26e%20%23f/cloud-player/players/%C3%BCn%C3%AF%20%F0%9F%8E%89%20it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash?filter=channelName%20eq%20a%26b%3Dc&pageToken=50%25%20%26%20100%2525%20%2B%20plus&note=it's%20%22quoted%22%20%24HOME%20%24%7BPATH%7D%20%60id%60%20%24(id)%20!!%20%5Cn%20%5C%20back%5Cslash%0Asecond%20line%09tab",
    auth=(env("AGORA_CUSTOMER_ID"), env("AGORA_CUSTOMER_SECRET")),
    headers={
        "X-Request-ID": "req-0001",
        "X-Note": "it's \"q\" $HOME `id` !x & y=z; %41",
    },
)
print(response.status_code, response.reason)
print(response.text)
