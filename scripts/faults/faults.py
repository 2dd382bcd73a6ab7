#!/usr/bin/env python3
"""Issue 17's fault runs against the packaged jar on PostgreSQL, each bounded in time and printing its figures.

    faults.py crash      [--invoices 2000] [--kill-at 0.4] [--timeout 1200]     kill -9 mid billing run, restart
    faults.py two-nodes  [--invoices 2000] [--kill-at 0.4] [--timeout 1200]     two nodes, one killed mid-run
    faults.py smtp-down  [--invoices 300] [--down-minutes 10] [--timeout 1200]  SMTP down, incidents, retried by batch
    faults.py db-restart [--invoices 300] [--timeout 1200]                      PostgreSQL restarted mid-run
    faults.py all --short                                                       the CI version of all four

Each run makes a fresh database faults_<run> on 127.0.0.1:5432 (user postgres, trust auth), a temporary data folder
(Fordra's ./data: inboxes and outboxes), an SMTP server of its own (smtp_sink.py, which stores every message and
counts Message-IDs) and starts target/fordra-*.jar with the profile postgres. It prints one FIGURES line per run
(invoices, sent, lost, duplicated, time to recover …) and exits 1 if a check fails: an invoice lost, a letter sent
twice (other than the few in their SMTP conversation at a kill -9, sent again unchanged: see split_in_flight), an
inbox file claimed twice, a ledger entry unbalanced, the month-end close finding differences.

Ports: FAULTS_PORT_BASE (default 18400): nodes on base+0/+1, SMTP on base+25.
"""
import argparse
import base64
import datetime
import email
import hashlib
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
ADMIN_USER, ADMIN_PASSWORD = "faults-admin", "faults-admin-password"
PORT_BASE = int(os.environ.get("FAULTS_PORT_BASE", "18400"))
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
PREFIX = "FLT-"


def log(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


class Failed(Exception):
    pass


class Deadline:
    """The run's time bound: every wait asks it, and the run stops with what it has when it is reached."""

    def __init__(self, seconds):
        self.end = time.monotonic() + seconds
        self.seconds = seconds

    def left(self):
        return self.end - time.monotonic()

    def check(self, what):
        if self.left() <= 0:
            raise Failed("timeout (%d s) while %s" % (self.seconds, what))


# ---------------------------------------------------------------------------------------------------------- database

def psql(db, sql):
    out = subprocess.run(["psql", *PG, "-d", db, "-tAX", "-F", "|", "-c", sql], check=True, capture_output=True,
                         text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def scalar(db, sql):
    rows = psql(db, sql)
    return rows[0][0] if rows else None


def fresh_database(db):
    if not db.startswith("faults_"):
        raise Failed("only faults_* databases: " + db)
    subprocess.run(["dropdb", *PG, "--if-exists", "--force", db], check=True, capture_output=True)
    subprocess.run(["createdb", *PG, db], check=True, capture_output=True)


# ------------------------------------------------------------------------------------------------------------- SMTP

class Smtp:
    def duplicated_ids(self):
        counts = {}
        for i in self.ids():
            counts[i] = counts.get(i, 0) + 1
        return sorted(i for i, n in counts.items() if n > 1)

    def __init__(self, folder, port):
        self.folder, self.port, self.process = folder, port, None

    def start(self):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "smtp_sink.py"), "--port", str(self.port),
                                         "--dir", self.folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                import socket
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise Failed("the SMTP server did not start on port %d" % self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def ids(self):
        path = os.path.join(self.folder, "ids.log")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return [line.strip() for line in f if line.strip()]

    def stored(self, message_id):
        """When each copy of a message was stored, oldest first: (seconds since the epoch, file)."""
        path = os.path.join(self.folder, "stored.log")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            rows = [line.split(" ", 2) for line in f if line.strip()]
        return sorted((float(t), name) for t, name, i in rows if i.strip() == message_id)

    def content(self, name):
        """What the reader gets: headers that say who, what and when, and every part's decoded bytes. Not the MIME
        boundaries, which a message encoded again draws anew."""
        with open(os.path.join(self.folder, name), "rb") as f:
            message = email.message_from_binary_file(f)
        digest = hashlib.sha256()
        for header in ("Message-ID", "From", "To", "Cc", "Subject", "Date"):
            digest.update(("%s: %s\n" % (header, message.get(header, ""))).encode())
        for part in message.walk():
            if not part.is_multipart():
                digest.update(("%s %s\n" % (part.get_content_type(), part.get_filename())).encode())
                digest.update(part.get_payload(decode=True) or b"")
        return digest.hexdigest()


# SMTP cannot be asked whether it took a message: a node killed after the server stored a letter and before the send
# log's commit (a few milliseconds) sends it again after the restart, with the same Message-ID and content (RFC 1047).
# At most one such letter per job executor thread of the killed node (max-pool-size 8); anything else sent twice fails.
IN_FLIGHT_MAX = 8
IN_FLIGHT_SECONDS = 2.0


def split_in_flight(run, figures, killed_at):
    """Moves the letters that were in their SMTP conversation when the node was killed from duplicated to
    resentInFlight: exactly two copies, the first stored within IN_FLIGHT_SECONDS of the kill and never
    recorded as accepted by the killed node, the second after it, both with the same content. Each is logged."""
    in_flight, still = [], []
    for message_id in run.smtp.duplicated_ids():
        copies = run.smtp.stored(message_id)
        recorded = scalar(run.db, "select extract(epoch from accepted_at) from fordra_mail_sent where message_id = '%s'"
                          % message_id.replace("'", "''"))
        why = None
        if len(copies) != 2:
            why = "%d copies" % len(copies)
        # The server may finish storing the last copy a moment after the kill: the client had sent the whole letter.
        elif not (abs(copies[0][0] - killed_at) <= IN_FLIGHT_SECONDS < copies[1][0] - killed_at):
            why = "copies stored %.3f s and %.3f s from the kill" % (copies[0][0] - killed_at, copies[1][0] - killed_at)
        elif recorded is None or float(recorded) < killed_at:
            why = "recorded as accepted before the kill, sent again"
        elif run.smtp.content(copies[0][1]) != run.smtp.content(copies[1][1]):
            why = "a second, different message"
        if why:
            still.append(message_id)
        else:
            in_flight.append(message_id)
        log("%s twice: %s" % (message_id, why or "stored %+.0f ms from the kill, in its SMTP conversation, sent again"
                              " unchanged" % ((copies[0][0] - killed_at) * 1000)))
    if len(in_flight) > IN_FLIGHT_MAX:
        still, in_flight = still + in_flight, []
    figures.update(duplicated=len(still), duplicatedIds=sorted(still)[:10], resentInFlight=len(in_flight),
                   resentInFlightIds=sorted(in_flight)[:10])


def mail_figures(ids):
    counts = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    twice = {i: n for i, n in counts.items() if n > 1}
    return {"messages": len(ids), "distinct": len(counts), "duplicated": sum(n - 1 for n in twice.values()),
            "duplicatedIds": sorted(twice)[:10]}


# ------------------------------------------------------------------------------------------------------------ nodes

def find_jar():
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "fordra-*.jar")) if not j.endswith(".original")]
    if not jars:
        raise Failed("no target/fordra-*.jar: build it with ./mvnw -o -q -DskipTests package")
    return jars[0]


class Node:
    def __init__(self, name, port, db, workdir, smtp_port, extra):
        self.name, self.port, self.db, self.workdir, self.smtp_port, self.extra = name, port, db, workdir, smtp_port, extra
        self.process = None
        self.logfile = os.path.join(workdir, "fordra-%s.log" % name)

    def start(self):
        env = dict(os.environ)
        for key in ("SPRING_DATASOURCE_URL", "SPRING_PROFILES_ACTIVE"):
            env.pop(key, None)
        env.update(FORDRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/" + self.db, FORDRA_DB_USER="postgres",
                   FORDRA_DB_PASSWORD="", FORDRA_ADMIN_USER=ADMIN_USER, FORDRA_ADMIN_PASSWORD=ADMIN_PASSWORD)
        command = ["java", "-Xmx768m", "-XX:+UseSerialGC", "-jar", find_jar(), "--spring.profiles.active=postgres",
                   "--server.port=%d" % self.port,
                   "--spring.mail.host=127.0.0.1", "--spring.mail.port=%d" % self.smtp_port,
                   "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
                   "--spring.mail.properties.mail.smtp.timeout=20000",
                   "--spring.mail.properties.mail.smtp.writetimeout=20000", *self.extra]
        out = open(self.logfile, "a")
        out.write("\n==== start %s\n" % " ".join(command))
        out.flush()
        self.process = subprocess.Popen(command, cwd=self.workdir, env=env, stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.started = time.monotonic()

    def wait_ready(self, deadline):
        while True:
            if self.process.poll() is not None:
                raise Failed("node %s stopped while starting; see %s" % (self.name, self.logfile))
            if http("GET", self.port, "/actuator/health/readiness", auth=False)[0] == 200:
                return time.monotonic() - self.started
            deadline.check("waiting for node %s to be ready" % self.name)
            time.sleep(1)

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def http(method, port, path, body=None, auth=True, headers=None, opener=None, timeout=60):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method)
    if auth:
        token = base64.b64encode(("%s:%s" % (ADMIN_USER, ADMIN_PASSWORD)).encode()).decode()
        request.add_header("Authorization", "Basic " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        response = (opener or urllib.request.build_opener()).open(request, data=data, timeout=timeout)
        status, text = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, None
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def upload(port, path, filename):
    out = subprocess.run(["curl", "-s", "-u", "%s:%s" % (ADMIN_USER, ADMIN_PASSWORD), "-F", "file=@" + filename,
                          "-w", "\n%{http_code}", "http://127.0.0.1:%d%s" % (port, path)],
                         capture_output=True, text=True, check=True).stdout
    body, _, code = out.rpartition("\n")
    if not code.startswith("20"):
        raise Failed("upload %s: %s %s" % (path, code, body[:500]))
    return json.loads(body)


# --------------------------------------------------------------------------------------------------------- the data

def billing_file(folder, invoices, customers=50):
    """One line per invoice, dated the last day of last month (the month the close checks), due in 30 days, each
    customer created by the file with e-mail as its channel."""
    today = datetime.date.today()
    issue = today.replace(day=1) - datetime.timedelta(days=1)
    due = today + datetime.timedelta(days=30)
    path = os.path.join(folder, "billing-faults-%d.csv" % invoices)
    with open(path, "w") as f:
        f.write("invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;unitPrice;vatRate;"
                "name;type;country;email;street;postalCode;city;preferredChannel\n")
        for i in range(1, invoices + 1):
            c = (i - 1) % customers + 1
            f.write("%s%06d;C-F%04d;%s;%s;SEK;Abonnemang;1;%d,00;25;Kund %d;PRIVATE;SE;kund%d@faults.example;"
                    "Storgatan %d;111 22;Stockholm;EMAIL\n" % (PREFIX, i, c, issue, due, 100 + i % 900, c, c, c))
    return path, issue.strftime("%Y-%m")


def bgmax_file(folder, db, name, limit):
    """A BgMax file paying the first `limit` invoices in full by their OCR reference (the seller's bankgiro)."""
    rows = psql(db, "select payment_reference, total_amount from fordra_invoice where invoice_number like '%s%%' "
                    "order by invoice_number limit %d" % (PREFIX, limit))
    today = datetime.date.today().strftime("%Y%m%d")
    lines = ["01BGMAX               0120%s063015000000P" % today[2:], "050050501055          SEK"]
    total = 0
    for n, (reference, amount) in enumerate(rows, 1):
        ore = int(round(float(amount) * 100))
        total += ore
        lines.append("20%010d%-25s%018d21%012d0" % (1234567, reference, ore, 100000 + n))
    lines.append("15%035d%s%05d%018dSEK%08dK" % (0, today, 1, total, len(rows)))
    lines.append("70%08d%08d%08d%08d" % (len(rows), 0, 0, 1))
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write("\n".join(line.ljust(80) for line in lines) + "\n")
    return path, len(rows), total


# ---------------------------------------------------------------------------------------------------------- figures

def invoice_figures(db):
    f = {}
    f["created"] = int(scalar(db, "select count(*) from fordra_invoice where invoice_number like '%s%%'" % PREFIX))
    f["status"] = dict((s, int(n)) for s, n in psql(db, "select status, count(*) from fordra_invoice "
                                                        "where invoice_number like '%s%%' group by status" % PREFIX))
    f["documentsTwice"] = int(scalar(db, "select count(*) from (select invoice_id from fordra_document "
                                         "where kind = 'INVOICE' group by invoice_id having count(*) > 1) t"))
    f["sentEventsTwice"] = int(scalar(db, "select count(*) from (select invoice_id from fordra_invoice_event "
                                          "where event_type = 'SENT' group by invoice_id having count(*) > 1) t"))
    f["unbalancedEntries"] = int(scalar(db, "select count(*) from (select entry_id from fordra_ledger_line "
                                            "group by entry_id having sum(amount) <> 0) t"))
    f["invoiceEntriesTwice"] = int(scalar(db, "select count(*) from (select invoice_id from fordra_ledger_entry "
                                              "where kind = 'INVOICE' group by invoice_id having count(*) > 1) t"))
    f["incidents"] = int(scalar(db, "select count(*) from act_ru_incident"))
    f["jobs"] = int(scalar(db, "select count(*) from act_ru_job where handler_type_ != 'timer-start-event' "
                               "and (duedate_ is null or duedate_ < now() + interval '1 day')"))
    return f


def wait_until(deadline, what, condition, every=1.0):
    while True:
        value = condition()
        if value:
            return value
        deadline.check(what)
        time.sleep(every)


def wait_file_done(port, path, deadline):
    def done():
        status, summary = http("GET", port, path)
        return summary if status == 200 and summary.get("status") in ("DONE", "REJECTED", "FAILED") else None
    return wait_until(deadline, "waiting for %s to be done" % path, done, 2)


def month_end_close(port, period, deadline):
    status, body = http("POST", port, "/api/month-end-closes", {"period": period})
    if status != 201:
        raise Failed("month-end close %s: %s %s" % (period, status, body))

    def finished():
        s, view = http("GET", port, "/api/month-end-closes/%s" % body["id"])
        return view if s == 200 and view.get("status") != "RUNNING" else None
    view = wait_until(deadline, "waiting for the month-end close", finished, 2)
    return view["status"], view.get("differenceCount")


def checks(figures, expected):
    """The run's pass/fail: every figure that must be zero is, and every invoice got its one letter."""
    problems = []
    for key in ("lost", "duplicated", "documentsTwice", "sentEventsTwice", "unbalancedEntries", "invoiceEntriesTwice"):
        if figures.get(key):
            problems.append("%s=%s" % (key, figures[key]))
    if figures.get("created") != expected:
        problems.append("created=%s of %d" % (figures.get("created"), expected))
    if figures.get("close") not in (None, "NO_DIFFERENCES"):
        problems.append("close=%s" % figures["close"])
    return problems


def report(name, figures, expected):
    problems = checks(figures, expected)
    shown = {k: v for k, v in figures.items() if k not in ("duplicatedIds", "resentInFlightIds") or v}
    print("FIGURES %s %s" % (name, json.dumps(shown, sort_keys=True)), flush=True)
    print("%s: %s" % (name, "PASS" if not problems else "FAIL " + ", ".join(problems)), flush=True)
    return not problems


class Run:
    """A fault run's folder, database, SMTP server and nodes, all ended when it ends."""

    def __init__(self, name, args):
        self.name, self.args = name, args
        self.db = "faults_" + name.replace("-", "_")
        self.work = tempfile.mkdtemp(prefix="faults-%s." % name)
        self.smtp = Smtp(os.path.join(self.work, "mail"), PORT_BASE + 25)
        self.nodes = []
        self.deadline = Deadline(args.timeout)

    def node_args(self):
        a = self.args
        return ["--fordra.distribution.undo-window=" + a.undo_window,
                "--camunda.bpm.job-execution.lock-time-in-millis=%d" % (a.lock_time * 1000),
                "--fordra.invoices.inbox-cron=*/2 * * * * *", "--fordra.payments.inbox-cron=*/2 * * * * *",
                "--fordra.invoices.import-chunk=%d" % a.chunk, *a.node_arg]

    def node(self, name, index, extra=()):
        n = Node(name, PORT_BASE + index, self.db, self.work, self.smtp.port, self.node_args() + list(extra))
        self.nodes.append(n)
        return n

    def __enter__(self):
        log("%s: database %s, folder %s" % (self.name, self.db, self.work))
        fresh_database(self.db)
        self.smtp.start()
        return self

    def __exit__(self, *exc):
        for n in self.nodes:
            n.stop()
        self.smtp.stop()
        if exc[0] is not None and exc[0] is not KeyboardInterrupt:
            for n in self.nodes:
                subprocess.run(["tail", "-n", "25", n.logfile])
        if not self.args.keep:
            shutil.rmtree(self.work, ignore_errors=True)
        else:
            log("kept " + self.work)
        return False

    def settle(self, port, expected, what):
        """Waits until every invoice of the run has its letter at the SMTP server (or the time is up)."""
        def all_sent():
            # Every invoice's letter marked sent (a paid invoice's too) and at the SMTP server.
            return len(set(self.smtp.ids())) >= expected and \
                int(scalar(self.db, "select count(*) from fordra_document where kind = 'INVOICE' "
                                    "and sent_at is not null")) >= expected
        try:
            wait_until(self.deadline, what, all_sent, 2)
        except Failed as e:
            log(str(e))
        # A letter sent twice shows up after the first: a moment for late jobs (an expired lock run again).
        time.sleep(3)

    def figures(self, port, expected, period, close=True):
        f = invoice_figures(self.db)
        m = mail_figures(self.smtp.ids())
        f.update(invoices=expected, mailsReceived=m["messages"], sent=m["distinct"], duplicated=m["duplicated"],
                 duplicatedIds=m["duplicatedIds"], lost=max(0, expected - m["distinct"]))
        if close:
            f["close"], f["closeDifferences"] = month_end_close(port, period, self.deadline)
        return f


# ------------------------------------------------------------------------------------------------------------ runs

def crash(args):
    """Item 4: kill -9 in the middle of a billing run, restart, check that nothing is lost or sent twice."""
    with Run("crash", args) as run:
        node = run.node("a", 0)
        node.start()
        log("node ready after %.0f s" % node.wait_ready(run.deadline))
        path, period = billing_file(run.work, args.invoices)
        summary = upload(node.port, "/api/invoice-files", path)
        file_path = "/api/invoice-files/%d" % summary["id"]
        started = time.monotonic()

        def mid_run():
            s, b = http("GET", node.port, file_path)
            # mid-run: the import part-way and letters going out meanwhile
            return s == 200 and b["processed"] >= args.kill_at * args.invoices \
                and len(run.smtp.ids()) >= args.kill_at * args.invoices / 4
        wait_until(run.deadline, "waiting for the import to reach %.0f %%" % (args.kill_at * 100), mid_run, 0.2)
        mails_at_kill = len(run.smtp.ids())
        node.kill9()
        killed, killed_at = time.monotonic(), time.time()
        processed = int(scalar(run.db, "select processed from fordra_invoice_file where id = %d" % summary["id"]))
        log("kill -9 after %.0f s: %d of %d invoices imported, %d letters at the SMTP server"
            % (killed - started, processed, args.invoices, mails_at_kill))
        node.start()
        ready = node.wait_ready(run.deadline)
        log("restarted, ready after %.0f s" % ready)
        done = wait_file_done(node.port, file_path, run.deadline)
        imported = time.monotonic()
        run.settle(node.port, args.invoices, "waiting for every letter after the restart")
        recovered = time.monotonic() - killed
        f = run.figures(node.port, args.invoices, period)
        f.update(importStatus=done["status"], importCreated=done["created"], importDuplicates=done["duplicates"],
                 importedAtKill=processed, mailsAtKill=mails_at_kill, restartReadySeconds=round(ready),
                 importDoneAfterKillSeconds=round(imported - killed), recoverSeconds=round(recovered))
        split_in_flight(run, f, killed_at)
        return report("crash", f, args.invoices)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The portal answers a login with a redirect whose cookie is what the check needs: not followed."""

    def redirect_request(self, *a, **k):
        return None


def portal_login(a, customer):
    """A portal user of the customer logs in on node A: the session cookie A set."""
    status, body = http("POST", a.port, "/api/customers/%s/portal-users" % customer,
                        {"username": "faults.user", "name": "Faults User", "email": "faults@faults.example",
                         "password": "a long faults pass phrase", "administrator": True, "financial": True,
                         "language": "en"})
    if status != 201:
        raise Failed("portal user: %s %s" % (status, body))
    cookies = CookieJar()

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), NoRedirect)
    s, page = http("GET", a.port, "/portal/login", auth=False, opener=opener)
    token = re.search(r'name="_csrf" value="([^"]+)"', page or "")
    form = "username=faults.user&password=a+long+faults+pass+phrase" + (
        "&_csrf=" + urllib.request.quote(token.group(1)) if token else "")
    s, _ = http("POST", a.port, "/portal/login", body=form.encode(), auth=False, opener=opener,
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    session = [c for c in cookies if c.name == "FORDRA_PORTAL"]
    if not session:
        raise Failed("no session cookie from node A (login answered %s)" % s)
    return session[0].value


def portal_cookie_check(b, cookie):
    """Node A's session cookie is accepted by node B (signed with the key in the database, no server session)."""
    header = {"Cookie": "FORDRA_PORTAL=" + cookie}
    sb, page_b = http("GET", b.port, "/portal/invoices", auth=False, headers=header,
                      opener=urllib.request.build_opener(NoRedirect))
    ok = sb == 200 and "FLT-" in (page_b or "")
    return ok, "node B answered %s to node A's cookie%s" % (sb, "" if ok else " (no invoices shown)")


def two_nodes(args):
    """Item 5: two nodes on one database and one data folder; a billing file and a payment file dropped into the
    shared inboxes; node A killed mid-run; node B finishes."""
    with Run("two-nodes", args) as run:
        a, b = run.node("a", 0), run.node("b", 1)
        a.start()
        log("node A ready after %.0f s" % a.wait_ready(run.deadline))
        b.start()  # after A: A made the schema
        log("node B ready after %.0f s" % b.wait_ready(run.deadline))
        path, period = billing_file(run.work, args.invoices)
        inbox = os.path.join(run.work, "data", "invoices-inbox")
        os.makedirs(inbox, exist_ok=True)
        staged = os.path.join(run.work, "data", ".staged.csv")
        shutil.copy(path, staged)
        os.rename(staged, os.path.join(inbox, os.path.basename(path)))  # appears whole
        started = time.monotonic()

        def file_id():
            return scalar(run.db, "select min(id) from fordra_invoice_file")
        fid = int(wait_until(run.deadline, "waiting for an inbox to claim the billing file", file_id, 1))
        file_path = "/api/invoice-files/%d" % fid

        # The customer logs in on node A as soon as the file has created it: A is killed later in the run.
        wait_until(run.deadline, "waiting for the first customer of the file",
                   lambda: scalar(run.db, "select count(*) from fordra_customer where customer_number = 'C-F0001'")
                   != "0", 0.2)
        cookie = portal_login(a, "C-F0001")

        def mid_run():
            s, body = http("GET", b.port, file_path)
            return s == 200 and body["processed"] >= args.kill_at * args.invoices
        wait_until(run.deadline, "waiting for the import to reach %.0f %%" % (args.kill_at * 100), mid_run, 0.2)
        # A payment file for the invoices created so far, into the shared payments inbox, then node A goes.
        paid = max(1, int(args.kill_at * args.invoices) // 2)
        pay_path, paid, paid_ore = bgmax_file(run.work, run.db, "BGMAX-faults.txt", paid)
        pay_inbox = os.path.join(run.work, "data", "payments-inbox")
        os.makedirs(pay_inbox, exist_ok=True)
        shutil.copy(pay_path, os.path.join(run.work, "data", ".staged.txt"))
        os.rename(os.path.join(run.work, "data", ".staged.txt"), os.path.join(pay_inbox, "BGMAX-faults.txt"))
        wait_until(run.deadline, "waiting for an inbox to claim the payment file",
                   lambda: scalar(run.db, "select count(*) from fordra_payment_file") != "0", 0.5)
        time.sleep(args.kill_delay)
        mails_at_kill = len(run.smtp.ids())
        a.kill9()
        killed, killed_at = time.monotonic(), time.time()
        processed = int(scalar(run.db, "select processed from fordra_invoice_file where id = %d" % fid))
        log("node A killed after %.0f s: %d of %d invoices imported, %d letters at the SMTP server"
            % (killed - started, processed, args.invoices, mails_at_kill))
        done = wait_file_done(b.port, file_path, run.deadline)
        pay_id = scalar(run.db, "select min(id) from fordra_payment_file")
        pay_done = wait_file_done(b.port, "/api/payment-files/%s" % pay_id, run.deadline)
        run.settle(b.port, args.invoices, "waiting for node B to send every letter")
        recovered = time.monotonic() - killed
        # The customer logged in on node A before it died; the same cookie on node B.
        cookie_ok, cookie_note = portal_cookie_check(b, cookie)
        log(cookie_note)
        f = run.figures(b.port, args.invoices, period)
        claims_invoices = int(scalar(run.db, "select count(*) from fordra_invoice_file"))
        claims_payments = int(scalar(run.db, "select count(*) from fordra_payment_file"))
        booked = psql(run.db, "select count(*), count(distinct bank_transaction_id), coalesce(sum(amount), 0) "
                              "from fordra_payment")[0]
        in_processed = len(os.listdir(os.path.join(inbox, "processed"))) if os.path.isdir(
            os.path.join(inbox, "processed")) else 0
        f.update(importStatus=done["status"], importCreated=done["created"], importedAtKill=processed,
                 mailsAtKill=mails_at_kill, recoverSeconds=round(recovered), invoiceFilesClaimed=claims_invoices,
                 paymentFilesClaimed=claims_payments, paymentFileStatus=pay_done["status"],
                 paymentsInFile=paid, paymentsBooked=int(booked[0]), paymentsDistinct=int(booked[1]),
                 paymentsBookedAmount=booked[2], paymentsFileAmount="%.2f" % (paid_ore / 100),
                 paidInvoices=f["status"].get("PAID", 0), portalCookieOnB=cookie_ok,
                 inboxProcessedFiles=in_processed)
        split_in_flight(run, f, killed_at)
        ok = report("two-nodes", f, args.invoices)
        extra = []
        if claims_invoices != 1 or claims_payments != 1:
            extra.append("an inbox file claimed %d/%d times" % (claims_invoices, claims_payments))
        if int(booked[0]) != paid or int(booked[1]) != paid or f["paidInvoices"] != paid:
            extra.append("payments booked %s (distinct %s), invoices paid %d, of %d" % (booked[0], booked[1],
                                                                                     f["paidInvoices"], paid))
        if not cookie_ok:
            extra.append(cookie_note)
        if mails_at_kill >= args.invoices:
            # Every letter had gone before node A died: the run did not test losing a node mid-run.
            extra.append("node A was killed after the run (%d of %d letters sent): lower --kill-at"
                         % (mails_at_kill, args.invoices))
        if extra:
            print("two-nodes: FAIL " + "; ".join(extra), flush=True)
        return ok and not extra


def engine_retry_all(port):
    """The one documented call: every failed job (no retries left) gets its retries back, as one batch."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    return http("POST", port, "/engine-rest/job/retries",
                {"retries": 1, "dueDate": now, "jobQuery": {"noRetriesLeft": True}})


def smtp_down(args):
    """Item 6: the SMTP server is down while a billing run sends; retries, then incidents; the server comes back;
    the incidents are retried in one call; every letter goes exactly once. The engine's retry cycle (R3/PT5M on the
    send step) is run on the simulation clock, so that "10 minutes" down takes seconds."""
    with Run("smtp-down", args) as run:
        node = run.node("a", 0, ["--fordra.simulation.enabled=true", "--fordra.simulation.allow-with-postgres=true"])
        node.start()
        log("node ready after %.0f s" % node.wait_ready(run.deadline))
        run.smtp.stop()
        down_at = time.monotonic()
        path, period = billing_file(run.work, args.invoices)
        summary = upload(node.port, "/api/invoice-files", path)
        wait_file_done(node.port, "/api/invoice-files/%d" % summary["id"], run.deadline)

        def failing_jobs():
            rows = psql(run.db, "select count(*) filter (where retries_ < 3 and retries_ > 0), "
                                "count(*) filter (where retries_ = 0) from act_ru_job where exception_msg_ is not null")
            return rows[0]
        # Down for --down-minutes on the engine's clock: each step of the retry cycle is moved forward, the retries
        # run against the closed port and fail.
        wait_until(run.deadline, "waiting for the first failed sends",
                   lambda: int(failing_jobs()[0]) >= args.invoices or None, 2)
        moved, retry_runs = 0, 0
        while moved < args.down_minutes:
            step = min(5, args.down_minutes - moved)
            http("POST", node.port, "/api/simulation/clock", {"advance": "PT%dM" % step})
            moved += step
            retry_runs += 1
            expected_left = max(0, 2 - retry_runs)

            def retried():
                rows = psql(run.db, "select count(*) from act_ru_job where exception_msg_ is not null "
                                    "and retries_ > %d" % expected_left)
                return int(rows[0][0]) == 0
            wait_until(run.deadline, "waiting for the retries at +%d min" % moved, retried, 2)
        # A failed send is one incident in invoice-distribution, and one in invoice-to-cash that points to it.
        incidents = int(scalar(run.db, "select count(*) from act_ru_incident where incident_type_ = 'failedJob' "
                                       "and id_ = root_cause_incident_id_"))
        in_retry = int(failing_jobs()[0])
        mails_while_down = len(run.smtp.ids())
        log("SMTP down %d min (engine clock): %d incidents, %d jobs still retrying, %d letters arrived"
            % (args.down_minutes, incidents, in_retry, mails_while_down))
        run.smtp.start()
        up_at = time.monotonic()
        if in_retry:
            # What still has retries left is due at the next step of its cycle: move the clock there.
            http("POST", node.port, "/api/simulation/clock", {"advance": "PT5M"})
        status, body = engine_retry_all(node.port)
        log("POST /engine-rest/job/retries {retries: 1, dueDate: now, jobQuery: {noRetriesLeft: true}} -> %s %s"
            % (status, json.dumps(body)[:200]))
        run.settle(node.port, args.invoices, "waiting for every letter once SMTP is back")
        recovered = time.monotonic() - up_at
        f = run.figures(node.port, args.invoices, period)
        f.update(downMinutesEngineClock=args.down_minutes, incidentsWhileDown=incidents, retryingWhileDown=in_retry,
                 mailsWhileDown=mails_while_down, retryCall=status, recoverSeconds=round(recovered),
                 realSecondsDown=round(up_at - down_at))
        ok = report("smtp-down", f, args.invoices)
        if incidents + in_retry < args.invoices:
            print("smtp-down: FAIL only %d of %d sends failed while down" % (incidents + in_retry, args.invoices))
            ok = False
        if f["incidents"]:
            print("smtp-down: FAIL %d incidents left after the retry" % f["incidents"])
            ok = False
        return ok


def db_restart(args):
    """Item 7: the machine's PostgreSQL cluster restarted in the middle of a billing run."""
    versions = os.listdir("/etc/postgresql") if os.path.isdir("/etc/postgresql") else []
    if not versions:
        raise Failed("no /etc/postgresql: cannot restart the cluster")
    with Run("db-restart", args) as run:
        # Short: a send whose failure the engine recorded while the database was away waits out the send step's
        # retry cycle (R3/PT5M in the model) on the simulation clock; full: in real time.
        node = run.node("a", 0, ["--fordra.simulation.enabled=true", "--fordra.simulation.allow-with-postgres=true"]
                        if args.short else [])
        node.start()
        log("node ready after %.0f s" % node.wait_ready(run.deadline))
        path, period = billing_file(run.work, args.invoices)
        summary = upload(node.port, "/api/invoice-files", path)
        file_path = "/api/invoice-files/%d" % summary["id"]

        def mid_run():
            s, b = http("GET", node.port, file_path)
            return s == 200 and b["processed"] >= args.kill_at * args.invoices
        wait_until(run.deadline, "waiting for the import to reach %.0f %%" % (args.kill_at * 100), mid_run, 0.5)
        mails_before = len(run.smtp.ids())
        t0 = time.monotonic()
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", sorted(versions)[0], "main", "restart"],
                       check=True)
        restarted = time.monotonic()
        log("PostgreSQL restarted in %.1f s (%d letters before)" % (restarted - t0, mails_before))

        def api_back():
            return http("GET", node.port, file_path)[0] == 200
        wait_until(run.deadline, "waiting for the API to answer again", api_back, 0.5)
        api_seconds = time.monotonic() - restarted
        done = wait_file_done(node.port, file_path, run.deadline)
        waiting = 0
        if args.short:
            waiting = waiting_retries(run.db)
            if waiting:
                log("%d jobs wait for their retry after failing while the database was away: engine clock +5 min"
                    % waiting)
                http("POST", node.port, "/api/simulation/clock", {"advance": "PT5M"})
        run.settle(node.port, args.invoices, "waiting for every letter after the restart")
        recovered = time.monotonic() - restarted
        f = run.figures(node.port, args.invoices, period)
        f.update(retriesWaitingAfterRestart=waiting, failedJobs=waiting_retries(run.db, "retries_ = 0"))
        f.update(importStatus=done["status"], importCreated=done["created"], mailsBeforeRestart=mails_before,
                 apiBackSeconds=round(api_seconds, 1), recoverSeconds=round(recovered),
                 nodeAlive=node.process.poll() is None)
        return report("db-restart", f, args.invoices)


def waiting_retries(db, condition="retries_ > 0"):
    """Jobs whose last run failed (an exception recorded) and that wait for a retry or, with retries_ = 0, an operator."""
    return int(scalar(db, "select count(*) from act_ru_job where exception_msg_ is not null and " + condition))


RUNS = {"crash": crash, "two-nodes": two_nodes, "smtp-down": smtp_down, "db-restart": db_restart}
SHORT = {"crash": 200, "two-nodes": 600, "smtp-down": 60, "db-restart": 150}
FULL = {"crash": 2000, "two-nodes": 2000, "smtp-down": 300, "db-restart": 300}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", nargs="+", choices=[*RUNS, "all"], help="one or more runs, or all")
    parser.add_argument("--short", action="store_true", help="the CI sizes and a 30 s job lock")
    parser.add_argument("--invoices", type=int, help="invoices in the billing run (full: %s)" % FULL)
    parser.add_argument("--kill-at", type=float, default=0.4, help="kill / restart when this share is imported")
    parser.add_argument("--kill-delay", type=float, default=0.5, help="two-nodes: seconds after the payment file")
    parser.add_argument("--down-minutes", type=int, default=10, help="smtp-down: minutes down (engine clock)")
    parser.add_argument("--timeout", type=int, help="seconds per run (default 1200, short 600)")
    parser.add_argument("--lock-time", type=int, help="job lock seconds (default 300, Fordra's; short 30)")
    parser.add_argument("--undo-window", default="PT1S", help="fordra.distribution.undo-window")
    parser.add_argument("--chunk", type=int, default=50, help="fordra.invoices.import-chunk")
    parser.add_argument("--node-arg", action="append", default=[], help="more --key=value for every node")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, mail)")
    args = parser.parse_args()
    # Stopped from outside (a CI timeout, kill): the nodes and the SMTP server this run started go with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    names = list(RUNS) if "all" in args.run else args.run
    results, started = {}, time.monotonic()
    for name in names:
        run_args = argparse.Namespace(**vars(args))
        run_args.invoices = args.invoices or (SHORT if args.short else FULL)[name]
        run_args.timeout = args.timeout or (600 if args.short else 1200)
        run_args.lock_time = args.lock_time or (30 if args.short else 300)
        t = time.monotonic()
        try:
            results[name] = RUNS[name](run_args)
        except Failed as e:
            print("%s: FAIL %s" % (name, e), flush=True)
            results[name] = False
        log("%s took %.0f s" % (name, time.monotonic() - t))
    passed = sum(1 for ok in results.values() if ok)
    print("faults: %d passed, %d failed (%.0f s)" % (passed, len(results) - passed, time.monotonic() - started))
    print("%d passed, %d failed" % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
