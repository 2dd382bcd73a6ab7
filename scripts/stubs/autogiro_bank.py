#!/usr/bin/env python3
"""Plays Bankgirot for Autogiro mandates: reads Fordra's mandate files from the outbox and writes the matching mandate
advice (medgivandeavisering, layout AG-MEDAVI: TK01, TK73 ..., TK09) into the inbox, as "Bg Autogiro technical manual"
lays them out (80-character records, ISO-8859-1, CR LF).

  TK04 (new mandate)   -> TK73 information code 04, comment 32 (approved), or the comment code given with --reject
  TK03 (cancellation)  -> TK73 information code 03, comment 33 (cancelled)

Each mandate file is answered once (the names answered are kept in <outbox>/.autogiro_bank_answered).

Examples:
  python3 scripts/stubs/autogiro_bank.py --outbox data/autogiro-outbox --inbox data/autogiro-inbox
  python3 scripts/stubs/autogiro_bank.py --reject 4711=23          # payer 4711 rejected: incorrect account number
  python3 scripts/stubs/autogiro_bank.py --cancel-by-payer 4711    # the payer cancels in their bank (46/02)
  python3 scripts/stubs/autogiro_bank.py --internet-bank 4711:197001011233:5000000001234567
                                                                   # a mandate the payer gave in their internet bank
Python 3 standard library only.
"""
import argparse
import datetime
import os
import sys

LAYOUT = "AG-MEDAVI"


def zeros(value, width):
    value = value.strip()
    if not value.isdigit() or len(value) > width:
        raise SystemExit("not a numeric field of at most %d digits: %r" % (width, value))
    return value.rjust(width, "0")


def opening(day, customer_number, bankgiro):
    return "01AUTOGIRO" + " " * 14 + day + " " * 12 + LAYOUT.ljust(20) + customer_number.rjust(6, "0") + bankgiro


def tk73(bankgiro, payer, account, payer_id, info, comment, day):
    return ("73" + bankgiro + payer + (account or " " * 16) + (payer_id or " " * 12) + " " * 5 + info + comment + day
            + " " * 7)


def end(day, count):
    return "09" + day + "9900" + str(count).rjust(7, "0") + " " * 59


def check(record):
    if len(record) != 80:
        raise SystemExit("internal error: record of %d characters: %r" % (len(record), record))
    return record


def answer(path, rejects, day):
    with open(path, encoding="iso-8859-1", newline="") as f:
        records = [line.rstrip("\r\n").ljust(80) for line in f if line.strip()]
    if not records or not records[0].startswith("01") or records[0][10:18] != "AUTOGIRO":
        print("  %s: not an Autogiro mandate file (no TK01 ... AUTOGIRO), skipped" % path)
        return None, []
    customer_number, bankgiro = records[0][62:68], records[0][68:78]
    answers = []
    for r in records[1:]:
        kind, payer = r[0:2], r[12:28]
        if kind == "04":
            code = rejects.get(payer.lstrip("0"), "32")
            answers.append(tk73(bankgiro, payer, r[28:44], r[44:56], "04", code, day))
            print("  TK04 payer %s account %s id %s -> TK73 04/%s %s" % (payer.lstrip("0"), r[28:44], r[44:56], code,
                  "approved" if code == "32" else "rejected"))
        elif kind == "03":
            answers.append(tk73(bankgiro, payer, None, None, "03", "33", day))
            print("  TK03 payer %s -> TK73 03/33 cancelled" % payer.lstrip("0"))
        else:
            print("  TK%s (not answered by this stub)" % kind)
    return (customer_number, bankgiro), answers


def write(inbox, name, lines):
    os.makedirs(inbox, exist_ok=True)
    temp = os.path.join(inbox, "." + name + ".tmp")
    with open(temp, "w", encoding="iso-8859-1", newline="") as f:
        f.write("".join(check(line) + "\r\n" for line in lines))
    os.replace(temp, os.path.join(inbox, name))   # atomic: Fordra never sees half a file
    print("wrote %s (%d TK73)" % (os.path.join(inbox, name), len(lines) - 2))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--outbox", default="data/autogiro-outbox", help="Fordra's fordra.autogiro.outbox")
    p.add_argument("--inbox", default="data/autogiro-inbox", help="Fordra's fordra.autogiro.inbox")
    p.add_argument("--reject", action="append", default=[], metavar="PAYER=CODE",
                   help="reject the payer's new mandate with this comment code (e.g. 23 incorrect account number)")
    p.add_argument("--cancel-by-payer", action="append", default=[], metavar="PAYER",
                   help="also send TK73 46/02: the payer cancelled the mandate in their bank")
    p.add_argument("--internet-bank", action="append", default=[], metavar="PAYER:PERSONNUMMER[:ACCOUNT16]",
                   help="also send TK73 04/32 for a mandate the payer gave in their internet bank")
    p.add_argument("--customer-number", default="471117", help="payee's customer number when no file is answered")
    p.add_argument("--bankgiro", default="50501055", help="payee's bankgiro number when no file is answered")
    a = p.parse_args()
    day = datetime.date.today().strftime("%Y%m%d")
    rejects = {}
    for item in a.reject:
        payer, _, code = item.partition("=")
        rejects[payer.lstrip("0")] = zeros(code or "23", 2)
    answered_list = os.path.join(a.outbox, ".autogiro_bank_answered")
    answered = set()
    if os.path.exists(answered_list):
        with open(answered_list) as f:
            answered = {line.strip() for line in f if line.strip()}
    payee = (a.customer_number, zeros(a.bankgiro.replace("-", ""), 10))
    lines = []
    names = sorted(n for n in os.listdir(a.outbox) if n.startswith("autogiro-mandates-") and n not in answered) \
        if os.path.isdir(a.outbox) else []
    for name in names:
        print("mandate file %s:" % name)
        got_payee, answers = answer(os.path.join(a.outbox, name), rejects, day)
        if got_payee:
            payee = got_payee
            lines.extend(answers)
        answered.add(name)
    for payer in a.cancel_by_payer:
        lines.append(tk73(payee[1], zeros(payer, 16), None, None, "46", "02", day))
        print("  payer %s cancels in their bank -> TK73 46/02" % payer)
    for item in a.internet_bank:
        parts = item.split(":")
        if len(parts) < 2:
            raise SystemExit("--internet-bank PAYER:PERSONNUMMER[:ACCOUNT16]")
        account = zeros(parts[2], 16) if len(parts) > 2 else None
        lines.append(tk73(payee[1], zeros(parts[0], 16), account, zeros(parts[1], 12), "04", "32", day))
        print("  payer %s gave a mandate in the internet bank -> TK73 04/32" % parts[0])
    if not lines:
        print("nothing to answer in %s" % a.outbox)
        return 0
    stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    write(a.inbox, "AG-MEDAVI-%s.txt" % stamp, [opening(day, payee[0], payee[1])] + lines + [end(day, len(lines))])
    with open(answered_list, "w") as f:
        f.write("".join(n + "\n" for n in sorted(answered)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
