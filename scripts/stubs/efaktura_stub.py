#!/usr/bin/env python3
"""A local stand-in for the eFaktura issuer service (Mastercard Payment Services' EfakturaNetsSubmitterService,
SOAP 1.1 over HTTP) to try Fordra's EFAKTURA channel from outside. Python 3 standard library only.

    python3 scripts/stubs/efaktura_stub.py 18470 01019010046 --blocked 15058510170

Every person (fødselsnummer) named after the port accepts eFaktura from every issuer ("Alltid eFaktura"); those after
--blocked have stopped eFaktura from this issuer; anyone else is not in the register. getEfakturaIdentifiers answers
per person; addInvoices takes each consignmentId once and refuses it again with fault 209 (Duplicate consignmentId).
--fail-lookups N answers the first N lookups with HTTP 500 (to watch Fordra retry). Each request is logged with its
operation and main fields; the issued invoices' XML is kept under ./efaktura-stub-received/.

Point Fordra at it: FORDRA_EFAKTURA_URL=http://127.0.0.1:18470/invoicing-nets-submitter/v1/
"""
import argparse
import base64
import os
import sys
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NS = "https://efaktura-services.nets.no/invoicing-nets-submitter/v1/"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def texts(root, name):
    return [(e.text or "").strip() for e in root.iter() if local(e.tag) == name]


def first(root, name):
    found = texts(root, name)
    return found[0] if found else None


def envelope(body):
    return ('<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="%s"><soapenv:Body>%s'
            '</soapenv:Body></soapenv:Envelope>' % (SOAP, body)).encode("utf-8")


class Stub(BaseHTTPRequestHandler):
    accepted = set()
    blocked = set()
    consignments = set()
    fail_lookups = 0
    lock = threading.Lock()
    received = "efaktura-stub-received"

    def log(self, text):
        sys.stdout.write("[efaktura-stub] %s\n" % text)
        sys.stdout.flush()

    def answer(self, status, body, content_type="text/xml; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        action = (self.headers.get("SOAPAction") or "").strip('"')
        operation = action.replace(NS, "")
        try:
            root = ET.fromstring(raw)
        except ET.ParseError as e:
            self.log("%s %s: not XML (%s)" % (self.path, operation, e))
            self.answer(400, b"not XML", "text/plain")
            return
        auth = "with Basic auth" if (self.headers.get("Authorization") or "").startswith("Basic ") else "no auth"
        self.log("POST %s %s (%s) messageIdentifier=%s" % (self.path, operation, auth, first(root, "messageIdentifier")))
        if operation == "getEfakturaIdentifiers":
            with Stub.lock:
                if Stub.fail_lookups > 0:
                    Stub.fail_lookups -= 1
                    self.log("  -> HTTP 500 (%d more to fail)" % Stub.fail_lookups)
                    self.answer(500, b"Internal Server Error", "text/plain")
                    return
            out = []
            for ssn in texts(root, "socialSecurityNumber"):
                known = ssn in Stub.accepted or ssn in Stub.blocked
                state = "blocked" if ssn in Stub.blocked else "accepted" if known else "not in the register"
                self.log("  issuer=%s person=%s*****: %s" % (first(root, "issuer"), ssn[:6], state))
                if known:
                    out.append("<receiver><socialSecurityNumber>%s</socialSecurityNumber><efakturaIdentifier>EF%s%s"
                               "</efakturaIdentifier><hasAutoAcceptAgreements>true</hasAutoAcceptAgreements>"
                               "<blockedByReceiver>%s</blockedByReceiver></receiver>"
                               % (ssn, ssn[:6], ssn[9:], "true" if ssn in Stub.blocked else "false"))
            self.answer(200, envelope('<ns:getEfakturaIdentifiersResponse xmlns:ns="%s"><efakturaIdentifiers>%s'
                                      '</efakturaIdentifiers></ns:getEfakturaIdentifiersResponse>' % (NS, "".join(out))))
        elif operation == "addInvoices":
            consignment = first(root, "consignmentId")
            fields = ["invoiceNumber", "efakturaIdentifier", "issuer", "documentType", "issueDate", "dueDate", "amount",
                      "currency", "kid", "accountNumber", "receiverName", "fileName"]
            self.log("  consignmentId=%s %s" % (consignment, " ".join("%s=%s" % (f, first(root, f)) for f in fields)))
            pdf = first(root, "content")
            if pdf:
                self.log("  PDF attached: %d bytes" % len(base64.b64decode(pdf)))
            with Stub.lock:
                duplicate = consignment in Stub.consignments
                Stub.consignments.add(consignment)
            if duplicate:
                self.log("  -> fault 209 Duplicate consignmentId")
                self.answer(500, envelope("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>209 - "
                                          "Duplicate consignmentId</faultstring><detail><validationError><errorCode>209"
                                          "</errorCode></validationError></detail></soapenv:Fault>"))
                return
            os.makedirs(Stub.received, exist_ok=True)
            with open(os.path.join(Stub.received, "%s.xml" % consignment), "wb") as f:
                f.write(raw)
            self.answer(200, envelope('<ns:addInvoicesResponse xmlns:ns="%s"><auditInformation><messageIdentifier>%s'
                                      '</messageIdentifier></auditInformation></ns:addInvoicesResponse>'
                                      % (NS, first(root, "messageIdentifier"))))
        else:
            self.log("  unknown operation %r" % operation)
            self.answer(404, b"unknown operation", "text/plain")

    def log_message(self, fmt, *args):
        pass  # every request is logged above, with its fields


def main():
    parser = argparse.ArgumentParser(description="eFaktura issuer-service stub")
    parser.add_argument("port", type=int)
    parser.add_argument("accepted", nargs="*", help="fødselsnumre that accept eFaktura")
    parser.add_argument("--blocked", nargs="*", default=[], help="fødselsnumre that stopped eFaktura from this issuer")
    parser.add_argument("--fail-lookups", type=int, default=0, help="answer the first N lookups with HTTP 500")
    args = parser.parse_args()
    Stub.accepted = set(args.accepted)
    Stub.blocked = set(args.blocked)
    Stub.fail_lookups = args.fail_lookups
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Stub)
    print("[efaktura-stub] listening on http://127.0.0.1:%d/invoicing-nets-submitter/v1/ accepted=%s blocked=%s"
          % (args.port, sorted(Stub.accepted), sorted(Stub.blocked)), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
