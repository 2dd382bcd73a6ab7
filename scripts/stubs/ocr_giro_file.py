#!/usr/bin/env python3
"""Writes Nets files to drop into Fordra's inboxes (python3 standard library only).

  payments     an OCR giro transmission of KID payments (Nets "OCR giro - Systemspesifikasjon", records 10, 20,
               30, 31, 32, 88, 89) for fordra.payments.inbox
  agreements   AvtaleGiro agreement information (Nets "AvtaleGiro Systemspesifikasjon" v2.9: service code 21,
               assignment type 24, records 70 with "onsker skriftlig varsel" J/N) for fordra.avtalegiro.inbox

Examples:
  python3 scripts/stubs/ocr_giro_file.py payments 1000072:1250.00 99999999999:410 > data/payments-inbox/OCR.txt
  python3 scripts/stubs/ocr_giro_file.py payments --date 2026-03-20 --type 15 1000072:1250.00 -o OCR.txt
  python3 scripts/stubs/ocr_giro_file.py agreements 1000072:new:J 1000080:deleted > data/avtalegiro-inbox/AG.txt

A payment is KID:AMOUNT (NOK, e.g. 1250.00; a negative amount is a reversal, type 18); an agreement is
KID[:new|deleted|all[:J|N]]. The file is ISO-8859-1 with LF line ends, every record 80 characters, and the end
records carry the right counts and sums, so Fordra reads it as a bank would send it.
"""
import argparse
import datetime
import sys
from decimal import Decimal, ROUND_HALF_UP

AGREEMENT_ID = "001008566"
ACCOUNT = "99991042764"
TYPES = {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"}


def pad(record, filler="0"):
    if len(record) > 80:
        raise SystemExit("record longer than 80 characters: " + record)
    return record + filler * (80 - len(record))


def ddmmyy(day):
    return day.strftime("%d%m%y")


def kid_field(kid):
    if not kid or len(kid) > 25 or not all(c.isdigit() or c == "-" for c in kid):
        raise SystemExit("a KID is 1 to 25 digits (MOD11 may end in '-'): %r" % kid)
    return kid.rjust(25)


def payments(args):
    day = args.date
    records = [pad("NY000010" + "00008080" + "%07d" % args.transmission + "00010200")]
    assignment = [pad("NY090020" + AGREEMENT_ID + "%07d" % args.assignment + ACCOUNT)]
    total = 0
    for n, item in enumerate(args.items, start=1):
        kid, sep, amount = item.rpartition(":")
        if not sep:
            raise SystemExit("a payment is KID:AMOUNT, e.g. 1000072:1250.00: %r" % item)
        ore = int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        kind = "18" if ore < 0 else args.type
        number = "%07d" % n
        assignment.append("NY09" + kind + "30" + number + ddmmyy(day) + "13" + "20" + "1" + "01464"
                          + ("-" if ore < 0 else "0") + "%017d" % abs(ore) + kid_field(kid) + "000000")
        assignment.append(pad("NY09" + kind + "31" + number + "9797596016" + "%09d" % (975960000 + n)
                              + "0000000" + ddmmyy(day) + "99990512341"))
        total += ore
    count = len(args.items)
    assignment.append(pad("NY090088" + "%08d%08d%017d" % (count, len(assignment) + 1, total)
                          + ddmmyy(day) * 3))
    records += assignment
    records.append(pad("NY000089" + "%08d%08d%017d" % (count, len(records) + 1, total) + ddmmyy(day)))
    return records


def agreements(args):
    kinds = {"all": "0", "new": "1", "deleted": "2"}
    records = [pad("NY000010" + "00008080" + "%07d" % args.transmission + "00010200")]
    records.append(pad("NY212420" + "000000000" + "%07d" % args.assignment + ACCOUNT))
    for n, item in enumerate(args.items, start=1):
        parts = item.split(":")
        kid = parts[0]
        kind = kinds.get(parts[1] if len(parts) > 1 else "new")
        flag = (parts[2] if len(parts) > 2 else "N").upper()
        if kind is None or flag not in ("J", "N"):
            raise SystemExit("an agreement is KID[:new|deleted|all[:J|N]]: %r" % item)
        records.append(pad("NY219470" + "%07d" % n + kind + kid_field(kid) + flag))
    count = len(args.items)
    records.append(pad("NY212488" + "%08d%08d" % (count, count + 2)))
    records.append(pad("NY000089" + "%08d%08d%017d" % (count, len(records) + 1, 0)
                       + ddmmyy(args.date)))
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["payments", "agreements"])
    parser.add_argument("items", nargs="+", help="KID:AMOUNT (payments) or KID[:new|deleted|all[:J|N]]")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="settlement date (default today)")
    parser.add_argument("--type", default="10", choices=sorted(TYPES),
                        help="OCR giro transaction type (10 giro, 15 AvtaleGiro, 17 cash, 19 online bank ...)")
    parser.add_argument("--transmission", type=int, default=int(datetime.datetime.now().strftime("%H%M%S")),
                        help="transmission number (7 digits)")
    parser.add_argument("--assignment", type=int, default=int(datetime.datetime.now().strftime("%H%M%S")),
                        help="assignment number (7 digits): payments of another assignment get other ids")
    parser.add_argument("-o", "--output", help="file to write (default standard output)")
    args = parser.parse_args()
    records = payments(args) if args.kind == "payments" else agreements(args)
    data = ("\n".join(records) + "\n").encode("iso-8859-1")
    if args.output:
        with open(args.output, "wb") as out:
            out.write(data)
        print("wrote %s: %d records" % (args.output, len(records)), file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
