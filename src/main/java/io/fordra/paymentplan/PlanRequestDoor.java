package io.fordra.paymentplan;

import io.fordra.kernel.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the doors (REST /api/payment-plans, the portal's request form) check of a request before {@link PaymentPlans}
 * sees it: its shape, not the invoices. Numbers follow Identifiers' rule (nothing is looked up by a number that cannot
 * exist), the lists and texts have limits, and each kind has the fields it needs and none of the other's. Whether
 * the invoices are the customer's and open, the dates possible and the instalments large enough is for
 * {@link PaymentPlans#request}.
 */
public final class PlanRequestDoor {

  /** More invoices than this in one plan is a mistake, not a debt (and no list to echo back). */
  public static final int MAX_INVOICES = 100;
  public static final int MAX_NOTE = 2000;

  private PlanRequestDoor() {}

  /** Adds every problem of the request's shape to {@code violations}. */
  public static void check(PlanRequest request, int maxInstalments, Violations violations) {
    violations.number("customerNumber", request.customerNumber());
    invoices(request.kind(), request.invoiceNumbers(), violations);
    violations.required("kind", request.kind());
    if (request.kind() == PlanKind.INSTALMENTS) {
      if (violations.required("instalments", request.instalments())
          && (request.instalments() < 1 || request.instalments() > maxInstalments)) {
        violations.add("instalments", "must be 1 to " + maxInstalments + ", but was " + request.instalments());
      }
      if (request.deferTo() != null) {
        violations.add("deferTo", "is for a DEFERRAL only: an INSTALMENTS plan has firstDueDate");
      }
    } else if (request.kind() == PlanKind.DEFERRAL) {
      violations.required("deferTo", request.deferTo());
      if (request.instalments() != null) {
        violations.add("instalments", "is for INSTALMENTS only: a DEFERRAL moves one invoice to deferTo");
      }
      if (request.firstDueDate() != null) {
        violations.add("firstDueDate", "is for INSTALMENTS only: a DEFERRAL moves one invoice to deferTo");
      }
    }
    if (violations.optionalText("note", request.note(), MAX_NOTE) && request.note() != null
        && request.note().indexOf('\u0000') >= 0) {
      // The portal's form reads %00 as a character; PostgreSQL refuses it in text (and a letter cannot show it).
      violations.add("note", "must not contain the NUL character (\\u0000)");
    }
    violations.required("requestedBy", request.requestedBy());
    violations.text("user", request.user(), 200);
  }

  private static void invoices(PlanKind kind, List<String> numbers, Violations violations) {
    if (numbers == null || numbers.isEmpty()) {
      violations.add("invoiceNumbers", "is required: one invoice or more");
      return;
    }
    if (numbers.size() > MAX_INVOICES) {
      violations.add("invoiceNumbers", "has " + numbers.size() + " invoices; a plan covers at most " + MAX_INVOICES);
      return;
    }
    if (kind == PlanKind.DEFERRAL && numbers.size() != 1) {
      violations.add("invoiceNumbers", "a DEFERRAL is for one invoice, but " + numbers.size() + " were given");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < numbers.size(); i++) {
      String number = numbers.get(i);
      if (violations.number("invoiceNumbers[" + i + "]", number) && !seen.add(number)) {
        violations.add("invoiceNumbers[" + i + "]", "'" + number + "' is given twice");
      }
    }
  }
}
