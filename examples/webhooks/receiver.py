"""A minimal receiver for Agora's notifications (webhooks). Python 3, standard library.

    AGORA_NCS_SECRET=<your secret> PORT=8080 python3 receiver.py

Notices go to http://127.0.0.1:8080/agora/notifications (put HTTPS in front).
"""
import hashlib
import hmac
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The Secret shown in Agora Console's Notifications settings. The default is the
# sandbox demo project's, so this works against the sandbox as it is.
SECRET = os.environ.get("AGORA_NCS_SECRET", "demo-ncs-secret").encode()
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "8080"))
PATH = "/agora/notifications"
PRODUCTS = {1: "RTC", 3: "Cloud Recording", 4: "Media Pull", 5: "Media Push", 17: "Conversational AI", 20: "Real-Time STT"}

# Agora may send one notice more than once: remember the ids handled (keep them
# in your database in production; here the oldest are forgotten past 10,000).
seen = {}
seen_lock = threading.Lock()


def verify(raw_body, signature):
    """Whether `signature` is the hex HMAC-SHA256 of the body (Agora-Signature-V2)."""
    # For Agora-Signature (HMAC-SHA1): hashlib.sha1 here, and read that header instead.
    expected = hmac.new(SECRET, raw_body, hashlib.sha256).hexdigest()
    # Constant time: how long it takes says nothing about a forged signature.
    return hmac.compare_digest(expected.encode(), (signature or "").encode())


class Receiver(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        if self.path.split("?")[0] != PATH:
            return self.reply(404, {"error": "POST notices to " + PATH})
        # Verify the bytes as received: re-serialised JSON would differ.
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not verify(raw, self.headers.get("Agora-Signature-V2")):
            return self.reply(401, {"error": "invalid signature"})
        try:
            notice = json.loads(raw)
        except ValueError:
            return self.reply(400, {"error": "body is not JSON"})
        if not isinstance(notice, dict) or not isinstance(notice.get("noticeId"), str):
            return self.reply(400, {"error": "no noticeId"})
        # A repeat is acknowledged (else Agora resends it) but not handled twice.
        with seen_lock:
            duplicate = notice["noticeId"] in seen
            seen[notice["noticeId"]] = True
            if len(seen) > 10000:
                del seen[next(iter(seen))]
        if duplicate:
            return self.reply(200, {"ok": True, "duplicate": True})
        product = PRODUCTS.get(notice.get("productId"), notice.get("productId"))
        event_type, notice_id = notice.get("eventType"), notice["noticeId"]
        print(f"{product} eventType={event_type} noticeId={notice_id}", flush=True)
        # Answer within 10 s (or Agora resends); hand slow work to a queue.
        self.reply(200, {"ok": True})

    def log_message(self, format, *args):
        pass  # one line per accepted notice is printed above; no access log


server = ThreadingHTTPServer((HOST, PORT), Receiver)
print(f"Listening on http://{HOST}:{server.server_address[1]}{PATH}", flush=True)
server.serve_forever()
