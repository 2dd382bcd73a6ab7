#!/usr/bin/env python3
"""A small SMTP server for the fault runs: it accepts every message on 127.0.0.1:PORT and stores it, so that the
scripts can count the messages by Message-ID (the same id twice = a letter sent twice).

    smtp_sink.py --port 18425 --dir /tmp/mail

Each message is written to DIR/NNNNNN.eml; its Message-ID is then appended, one a line, to DIR/ids.log (flushed and
fsynced before the server answers 250, so that what the sender saw accepted is counted), and the moment it was
stored, the file and the id to DIR/stored.log (seconds since the epoch), which tells a letter in the middle of its
SMTP conversation when a node was killed from a letter sent twice. Killing the process is
"SMTP down": connections are refused until it is started again on the same folder, which carries on counting.
Standard library only (Python's smtpd is deprecated and gone in 3.12).
"""
import argparse
import email.parser
import os
import socketserver
import threading
import time

lock = threading.Lock()


class Handler(socketserver.StreamRequestHandler):
    timeout = 120

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self):
        self.reply("220 faults-smtp ready")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                if verb == "EHLO":
                    self.wfile.write(b"250-faults-smtp\r\n250-8BITMIME\r\n")
                self.reply("250 faults-smtp")
            elif verb == "MAIL":
                sender, recipients = line[10:].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line[8:].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                if not recipients:
                    self.reply("503 no recipients")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while True:
                    chunk = self.rfile.readline(1 << 20)
                    if not chunk:
                        return
                    if chunk in (b".\r\n", b".\n"):
                        break
                    if chunk.startswith(b".."):
                        chunk = chunk[1:]
                    data += chunk
                self.store(bytes(data))
                self.reply("250 OK stored")
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def store(self, data):
        headers = email.parser.BytesHeaderParser().parsebytes(data)
        message_id = (headers.get("Message-ID") or "<none>").strip()
        with lock:
            self.server.count += 1
            name = os.path.join(self.server.dir, "%06d.eml" % self.server.count)
            with open(name, "wb") as out:
                out.write(data)
            self.server.ids.write(message_id + "\n")
            self.server.ids.flush()
            os.fsync(self.server.ids.fileno())
            self.server.stored.write("%.6f %s %s\n" % (time.time(), os.path.basename(name), message_id))
            self.server.stored.flush()


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    server = Server(("127.0.0.1", args.port), Handler)
    server.dir = args.dir
    server.count = len([n for n in os.listdir(args.dir) if n.endswith(".eml")])
    server.ids = open(os.path.join(args.dir, "ids.log"), "a")
    server.stored = open(os.path.join(args.dir, "stored.log"), "a")
    print("smtp_sink: listening on 127.0.0.1:%d, storing in %s" % (args.port, args.dir), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
