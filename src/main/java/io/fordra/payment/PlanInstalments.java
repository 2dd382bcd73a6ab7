package io.fordra.payment;

import java.util.List;
import java.util.Optional;

/**
 * The payment plans' instalment references (issue 20), as payments need them: a payment whose OCR/KID is an
 * instalment's pays the plan's invoices. Implemented by the payment-plan capability, so that payment depends on
 * nothing of it.
 */
public interface PlanInstalments {

  /** The instalment whose own OCR/KID this is (blanks removed), whatever its plan's status; empty if none has it. */
  Optional<Instalment> byReference(String reference);

  /**
   * An instalment and what its payment pays.
   *
   * @param planNumber "PP-" + the plan's id
   * @param number the instalment's number (1 = first)
   * @param invoiceNumbers the invoices the plan covers, oldest due date first (the order a payment fills them)
   */
  record Instalment(String planNumber, int number, List<String> invoiceNumbers) {

    public Instalment {
      invoiceNumbers = List.copyOf(invoiceNumbers);
    }

    /** "instalment 2 of payment plan PP-3": how invoice events and notes name it. */
    public String describe() {
      return "instalment " + number + " of payment plan " + planNumber;
    }
  }
}
