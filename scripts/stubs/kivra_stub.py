#!/usr/bin/env python3
"""A local stand-in for Kivra's sender API (developer.kivra.com, tenant API v2), python3 stdlib only.

    python3 scripts/stubs/kivra_stub.py PORT [PERSONNUMMER ...] [--out DIR] [--client-id ID] [--client-secret S]
                                        [--tenant-key KEY] [--fail-next N]

Answers what Fordra's DIGITAL_MAILBOX channel asks:
  POST /v1/auth                            OAuth2 client credentials (Basic auth, grant_type=client_credentials)
  POST /v2/tenant/{key}/usermatch/ssn      {"list": [...]} -> the persons among them that have a mailbox: the
                                           personnummer given as arguments (twelve digits, YYYYMMDDNNNN)
  POST /v2/tenant/{key}/content            201 with kivra-objkey; the PDF is saved to --out (default kivra-received/)
                                           with the content as JSON beside it
Every request is printed with what is wrong with it. Like Kivra's duplicate control, a payload received before (all but
generated_at) is answered 201 and not delivered again. --fail-next N answers the next N contents with HTTP 500.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None
TOKENS = set()
SEEN = set()
LOCK = threading.Lock()
FAILURES = {"left": 0}
COUNTER = {"n": 0}


def log(*parts):
    print(*parts, flush=True)


def problems_of(content):
    wrong = []
    if not re.fullmatch(r"\d{12}", str(content.get("ssn", ""))):
        wrong.append("ssn is not twelve digits")
    if not content.get("subject"):
        wrong.append("subject missing")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(content.get("generated_at", ""))):
        wrong.append("generated_at is not a date")
    kind = content.get("type")
    if kind not in ("invoice", "invoice.reminder", "letter"):
        wrong.append("type %r" % kind)
    parts = content.get("parts") or []
    if len(parts) != 1 or parts[0].get("content_type") != "application/pdf":
        wrong.append("parts is not one application/pdf part")
    payment = content.get("payment_multiple_options")
    if str(kind).startswith("invoice") and not payment:
        wrong.append("a payable %s has no payment_multiple_options" % kind)
    if payment:
        if not isinstance(payment.get("payable"), bool):
            wrong.append("payable is not a boolean")
        if payment.get("method") != "1" or not re.fullmatch(r"\d{7,8}", str(payment.get("account", ""))):
            wrong.append("method/account is not a bankgiro")
        options = payment.get("options") or []
        if len(options) != 1:
            wrong.append("not one payment option")
        else:
            o = options[0]
            if not re.fullmatch(r"\d+\.\d{2}", str(o.get("amount", ""))):
                wrong.append("amount %r" % o.get("amount"))
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(o.get("due_date", ""))):
                wrong.append("due_date %r" % o.get("due_date"))
            if o.get("type") not in ("SE_OCR", "TENANT_REF") or not o.get("reference"):
                wrong.append("reference/type missing")
    return wrong


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body, headers=None):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        path = self.path.split("?")[0]
        tenant = "/v2/tenant/%s/" % ARGS.tenant_key
        if path == "/v1/auth":
            expected = "Basic " + base64.b64encode(("%s:%s" % (ARGS.client_id, ARGS.client_secret)).encode()).decode()
            if self.headers.get("Authorization") != expected or raw != "grant_type=client_credentials":
                log("POST /v1/auth -> 401 (wrong client credentials or body %r)" % raw)
                return self.answer(401, {"code": "40100", "short_message": "Unauthorized"})
            with LOCK:
                COUNTER["n"] += 1
                token = "stub-token-%d" % COUNTER["n"]
                TOKENS.add(token)
            log("POST /v1/auth -> 200 token %s" % token)
            return self.answer(200, {"access_token": token, "expires_in": 28800, "token_type": "bearer"})
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in TOKENS:
            log("POST %s -> 401 (no valid bearer token)" % path)
            return self.answer(401, {"code": "40100", "short_message": "Unauthorized"})
        try:
            body = json.loads(raw)
        except ValueError:
            log("POST %s -> 400 (not JSON)" % path)
            return self.answer(400, {"code": "40000", "short_message": "Not JSON"})
        if path == tenant + "usermatch/ssn":
            asked = body.get("list") or []
            matched = [s for s in asked if s in ARGS.personnummer]
            log("POST usermatch/ssn %s -> %s" % (asked, matched))
            return self.answer(200, {"list": matched})
        if path == tenant + "content":
            wrong = problems_of(body)
            payment = body.get("payment_multiple_options") or {}
            option = (payment.get("options") or [{}])[0]
            log("POST content ssn=%s type=%s subject=%r amount=%s %s due=%s ocr=%s bankgiro=%s payable=%s"
                % (body.get("ssn"), body.get("type"), body.get("subject"), option.get("amount"),
                   payment.get("currency"), option.get("due_date"), option.get("reference"), payment.get("account"),
                   payment.get("payable")))
            if wrong:
                log("  -> 400: " + "; ".join(wrong))
                return self.answer(400, {"code": "40000", "short_message": "; ".join(wrong)})
            with LOCK:
                if FAILURES["left"] > 0:
                    FAILURES["left"] -= 1
                    log("  -> 500 (--fail-next)")
                    return self.answer(500, {"code": "50000", "short_message": "Internal server error"})
            payload = dict(body)
            payload.pop("generated_at", None)
            digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
            key = digest[:16]
            with LOCK:
                duplicate = digest in SEEN
                SEEN.add(digest)
            if duplicate:
                log("  -> 201 duplicate of %s, not delivered again" % key)
            else:
                os.makedirs(ARGS.out, exist_ok=True)
                part = body["parts"][0]
                name = "%s-%s" % (key, os.path.basename(part.get("name") or "content.pdf"))
                with open(os.path.join(ARGS.out, name), "wb") as f:
                    f.write(base64.b64decode(part["data"]))
                meta = dict(body)
                meta["parts"] = [{k: v for k, v in part.items() if k != "data"}]
                with open(os.path.join(ARGS.out, name + ".json"), "w", encoding="utf-8") as f:
                    json.dump(meta, f, ensure_ascii=False, indent=2)
                log("  -> 201 delivered, PDF saved as %s" % os.path.join(ARGS.out, name))
            return self.answer(201, {}, {"kivra-objkey": key})
        log("POST %s -> 404" % path)
        return self.answer(404, {"code": "40400", "short_message": "Not found"})


def main():
    global ARGS
    parser = argparse.ArgumentParser(description="Local Kivra sender API stub")
    parser.add_argument("port", type=int)
    parser.add_argument("personnummer", nargs="*", help="persons with a mailbox, YYYYMMDDNNNN")
    parser.add_argument("--out", default="kivra-received")
    parser.add_argument("--client-id", default="fordra-client")
    parser.add_argument("--client-secret", default="s3cret")
    parser.add_argument("--tenant-key", default="16a1f7c2ab")
    parser.add_argument("--fail-next", type=int, default=0)
    ARGS = parser.parse_args()
    ARGS.personnummer = set(ARGS.personnummer)
    FAILURES["left"] = ARGS.fail_next
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    log("Kivra stub on http://127.0.0.1:%d tenant %s, mailboxes: %s" % (ARGS.port, ARGS.tenant_key,
                                                                        sorted(ARGS.personnummer)))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
