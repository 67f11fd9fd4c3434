# Python 3.8+ with requests (python3 -m pip install requests).
# Credentials come from the environment: export AGORA_TOKEN=...
import os
import random
import socket
import sys
import time
from email.utils import parsedate_to_datetime

import requests
from urllib3.exceptions import NewConnectionError  # installed with requests


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... and run again.")
    return value


# Agora's retry practice, with the same plan and rules as this site's relay:
# - failover: the primary domain, the primary again, the alternate, then the adjacent region;
#   a 429 stays on the same domain, a network failure other than DNS skips the alternate;
# - back-off with jitter, at least what Retry-After asks, and at most MAX_ATTEMPTS attempts;
# - 429 and DNS or connect failures are retried for any method; a 5xx, reset or timeout
#   (the call may have reached Agora) only when the call is safe to repeat.
STAGES = [
    ("primary", "https://api.agora.io"),
    ("primary-retry", "https://api.agora.io"),  # the same domain again
    ("alternate", None),  # none for this host
    ("adjacent", None),  # none for this host
]
RETRY_STATUSES = {429, 500, 502, 503, 504}
SAFE_TO_REPEAT = False  # POST could act twice if repeated after it reached Agora
BACKOFF = [(1, 1.2), (3, 3.6), (6, 7)]  # (min, max) seconds before retry 1, 2, 3
MAX_ATTEMPTS = 4
ATTEMPT_TIMEOUT = 10  # seconds


# "dns" and "connect" failures never reached Agora; a reset or a timeout may have.
def failure_kind(error):
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, NewConnectionError):
        return "dns" if isinstance(reason.__context__, socket.gaierror) else "connect"
    if isinstance(error, requests.ConnectTimeout):
        return "connect"
    if isinstance(error, requests.Timeout):
        return "timeout"
    return "reset"


# A 429 was refused before Agora acted on it; DNS and connect failures never reached it.
def is_repeatable(outcome):
    return outcome in (429, "dns", "connect") or SAFE_TO_REPEAT


# The quota is per account, so a 429 stays on its domain; the next stage may not exist for every host.
def next_stage(stage, outcome):
    if outcome == 429:
        return stage
    for following in range(stage + 1, len(STAGES)):
        name, url = STAGES[following]
        if url is None or (name == "alternate" and isinstance(outcome, str) and outcome != "dns"):
            continue
        return following
    return stage


def retry_after(response):
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


# Each failed attempt is reported on stderr; the last answer (or error) is what the call returns.
def call_agora(method, path_and_query, **kwargs):
    stage = 0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        url = STAGES[stage][1]
        response = error = None
        try:
            response = requests.request(method, url + path_and_query, timeout=ATTEMPT_TIMEOUT, **kwargs)
            if response.status_code not in RETRY_STATUSES:
                return response
            outcome = response.status_code
        except (requests.ConnectionError, requests.Timeout) as caught:
            error, outcome = caught, failure_kind(caught)
        failed = f"{url}: {outcome} (attempt {attempt} of {MAX_ATTEMPTS})"
        if not is_repeatable(outcome) or attempt == MAX_ATTEMPTS:
            why = "giving up" if is_repeatable(outcome) else f"not repeated: {method} may already have been processed"
            print(f"{failed}; {why}", file=sys.stderr)
            if error is not None:
                raise error
            return response
        low, high = BACKOFF[attempt - 1]
        wait = max(random.uniform(low, high), retry_after(response) if response is not None else 0.0)
        stage = next_stage(stage, outcome)
        print(f"{failed}; retrying on {STAGES[stage][1]} in {wait:.1f} s", file=sys.stderr)
        time.sleep(wait)


response = call_agora(
    "POST",
    "/api/conversational-ai-agent/v2/projects/0123456789abcdef0123456789abcdef/agents/1NT29X10YHDS8UWJOXLYHNYB/speak",
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
)
print(response.status_code, response.reason)
print(response.text)
