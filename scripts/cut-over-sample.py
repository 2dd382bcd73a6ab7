#!/usr/bin/env python3
"""Writes a migration (cut-over) file of N open invoices in every dunning state, for trying POST /api/migration-files
on a fresh Fordra with the simulation clock at 2026-12-03 (README "Cut-over"), and prints the totals per currency and
per step that the cut-over report must show.

  scripts/cut-over-sample.py 1000 > cut-over-1000.csv 2> expected.json

States, by invoice number modulo 7 (dates fit a cut-over on 2026-12-03 and the reminder run of 15 December):
  0 NONE, due 2026-12-20 (not due)        1 NONE, due 2026-11-19 (overdue: reminder 1 on the 15th)
  2 REMINDED 1 on 2026-12-01              3 REMINDED 2 on 2026-12-01
  4 COLLECTION_NOTICE on 2026-12-01       5 WITH_AGENCY since 2026-11-10
  6 NONE, overdue, with an open objection (held)
Customers C-M001..C-M020 are created by the file (private persons in Sweden); every tenth invoice is in EUR.
"""
import json
import sys
from decimal import Decimal, ROUND_HALF_UP

STEPS = [("NONE", "", "", "2026-11-20", "2026-12-20", ""),
         ("NONE", "", "", "2026-10-20", "2026-11-19", ""),
         ("REMINDED", "1", "2026-12-01", "2026-10-15", "2026-11-14", ""),
         ("REMINDED", "2", "2026-12-01", "2026-09-15", "2026-10-15", ""),
         ("COLLECTION_NOTICE", "2", "2026-12-01", "2026-09-01", "2026-10-01", ""),
         ("WITH_AGENCY", "2", "2026-11-10", "2026-08-01", "2026-08-31", ""),
         ("NONE", "", "", "2026-10-25", "2026-11-24", "Varan kom aldrig fram")]
HEADER = ("invoiceNumber;customerNumber;name;type;country;organisationNumber;email;street;postalCode;city;issueDate;"
          "dueDate;currency;description;quantity;unitPrice;netAmount;vatRate;paidAmount;feesAmount;dunningStep;"
          "remindersSent;dunningDate;payBy;objection;objectionDate;disputedAmount;paymentReference;documentFile")


def money(value):
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(HEADER)
    per_currency, per_step = {}, {}
    for i in range(1, n + 1):
        step, reminders, dunning_date, issue, due, objection = STEPS[i % 7]
        customer = "C-M%03d" % (i % 20 + 1)
        first_of_customer = i <= 20
        currency = "EUR" if i % 10 == 0 else "SEK"
        net = Decimal(500 + (i * 37) % 9500)
        vat = money(net * Decimal("0.25"))
        total = net + vat
        paid = money(total * Decimal("0.2")) if i % 3 == 0 else Decimal("0.00")
        fees = Decimal("0.00") if step == "NONE" else Decimal(60) * (int(reminders) if reminders else 1)
        if currency == "EUR" and fees:
            fees = Decimal("0.00")  # no Swedish reminder fee claimed on a claim in EUR in this sample
        customer_columns = ["Kund %s" % customer, "PRIVATE", "SE", "", "%s@kund.example" % customer.lower(),
                            "Gatan %d" % (i % 20 + 1), "111 22", "Stockholm"] if first_of_customer else [""] * 8
        row = ["M-2026-%05d" % i, customer] + customer_columns + [
            issue, due, currency, "Tjänst %d" % i, "1", str(net) + ".00", "", "25", str(paid), str(fees), step,
            reminders, dunning_date, "", objection, "2026-11-28" if objection else "", "", "", ""]
        print(";".join(row))
        open_amount = total + fees - paid
        c = per_currency.setdefault(currency, {"count": 0, "totalAmount": Decimal(0), "paidAmount": Decimal(0),
                                               "feesAmount": Decimal(0), "openAmount": Decimal(0)})
        c["count"] += 1
        c["totalAmount"] += total
        c["paidAmount"] += paid
        c["feesAmount"] += fees
        c["openAmount"] += open_amount
        key = "%s %s %s" % (step + (" " + reminders if step == "REMINDED" else ""), currency,
                            "objection" if objection else "")
        s = per_step.setdefault(key.strip(), {"count": 0, "openAmount": Decimal(0)})
        s["count"] += 1
        s["openAmount"] += open_amount
    json.dump({"perCurrency": per_currency, "perStep": per_step}, sys.stderr, default=str, indent=1)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
