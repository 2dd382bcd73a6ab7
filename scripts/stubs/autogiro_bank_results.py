#!/usr/bin/env python3
"""Bankgirot's side of an Autogiro payment cycle, for trying Fordra by hand (python3, standard library only).

Reads a payment file Fordra wrote to fordra.autogiro.outbox (TK01 + TK82 payment orders, TK23 cancellations) and
writes the bank's payment specification for it ("BET. SPEC & STOPP TK", new file layout of the Bg Autogiro Technical
Manual): one TK82 per payment order with its payment status code in position 80 -- 0 approved, or the code you give
for chosen payer numbers (1 insufficient funds, 2 no connection to Autogiro / mandate missing, 9 renewed funds).
Orders cancelled by a TK23 in the same file are left out, as the bank would. Drop the result into
fordra.payments.inbox (default data/payments-inbox).

  python3 scripts/stubs/autogiro_bank_results.py data/autogiro-outbox/AUTOGIRO-BET-....txt \\
      --out data/payments-inbox --fail 19710101123=1
"""
import argparse
import datetime
import os
import sys

LAYOUT = "BET. SPEC & STOPP TK"


def field(record, start, end):
    """Positions start..end, 1-based and inclusive, as the manual counts them."""
    return record[start - 1:end]


def read_orders(path):
    with open(path, "rb") as f:
        text = f.read().decode("iso-8859-1")
    records = [r for r in text.replace("\r\n", "\n").split("\n") if r.strip()]
    customer_number = bankgiro = None
    payments, cancelled = [], set()
    for n, r in enumerate(records, 1):
        if len(r) != 80:
            sys.exit("line %d: %d characters, an Autogiro record is 80" % (n, len(r)))
        tk = r[:2]
        if tk == "01":
            if field(r, 11, 18) != "AUTOGIRO":
                sys.exit("line %d: not an Autogiro opening record" % n)
            customer_number, bankgiro = field(r, 63, 68), field(r, 69, 78)
        elif tk == "82":
            payments.append({"date": field(r, 3, 10), "payer": field(r, 16, 31), "ore": int(field(r, 32, 43)),
                             "bankgiro": field(r, 44, 53), "reference": field(r, 54, 69)})
        elif tk == "23":
            cancelled.add((field(r, 13, 28), field(r, 29, 36), field(r, 59, 74)))
        else:
            print("line %d: TK%s ignored" % (n, tk), file=sys.stderr)
    if customer_number is None:
        sys.exit("no TK01 opening record: not an Autogiro payment file")
    payments = [p for p in payments if (p["payer"], p["date"], p["reference"]) not in cancelled]
    return customer_number, bankgiro, payments, len(cancelled)


def specification(customer_number, bankgiro, payments, failing, now):
    out = ["01AUTOGIRO" + " " * 14 + now.strftime("%Y%m%d%H%M%S") + "000000" + LAYOUT + customer_number + bankgiro]
    status = [failing.get(p["payer"].lstrip("0") or "0", "0") for p in payments]
    approved = sum(p["ore"] for p, s in zip(payments, status) if s == "0")
    day = payments[0]["date"] if payments else now.strftime("%Y%m%d")
    out.append("15" + "0" * 35 + day + "00001" + "%018d" % approved + "   " + "%08d" % len(payments) + " ")
    for p, s in zip(payments, status):
        out.append("82" + p["date"] + "0" + "   " + " " + p["payer"] + "%012d" % p["ore"] + p["bankgiro"]
                   + p["reference"] + " " * 10 + s)
    out.append("09" + now.strftime("%Y%m%d") + "9900" + "%06d" % 1 + "%012d" % len(payments) + "%06d" % 0
               + "%012d" % 0 + "%06d" % 0 + "%012d" % 0 + " " * 12)
    for r in out:
        assert len(r) == 80, r
    return ("\r\n".join(out) + "\r\n").encode("iso-8859-1")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("payment_file", help="a payment file from fordra.autogiro.outbox")
    parser.add_argument("--out", default="data/payments-inbox", help="where to write the result (the payments inbox)")
    parser.add_argument("--fail", action="append", default=[], metavar="PAYER=CODE",
                        help="payer number whose debit fails, with its status code (1, 2 or 9); repeatable")
    args = parser.parse_args()
    failing = {}
    for f in args.fail:
        payer, _, code = f.partition("=")
        if not payer.isdigit() or len(code) != 1 or not code.isdigit() or code == "0":
            sys.exit("--fail wants PAYER=CODE with a payer number and a code 1-9, not " + f)
        failing[payer.lstrip("0") or "0"] = code
    customer_number, bankgiro, payments, cancelled = read_orders(args.payment_file)
    now = datetime.datetime.now()
    content = specification(customer_number, bankgiro, payments, failing, now)
    os.makedirs(args.out, exist_ok=True)
    name = "AUTOGIRO-BETSPEC-" + os.path.basename(args.payment_file)
    tmp = os.path.join(args.out, "." + name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(content)
    os.replace(tmp, os.path.join(args.out, name))  # atomically, so the inbox never reads half a file
    for p in payments:
        code = failing.get(p["payer"].lstrip("0") or "0", "0")
        print("payer %s reference %s %d.%02d SEK on %s: %s" % (p["payer"].lstrip("0"), p["reference"].strip(),
              p["ore"] // 100, p["ore"] % 100, p["date"], "debited" if code == "0" else "failed, code " + code))
    print("%d cancelled by TK23; wrote %s" % (cancelled, os.path.join(args.out, name)))


if __name__ == "__main__":
    main()
