package io.fordra.distribution.einvoice;

import java.util.List;

/** The e-invoice breaks the PEPPOL BIS Billing 3.0 rules: it was neither stored nor written to the outbox. */
public class EInvoiceRejectedException extends RuntimeException {

  private final String documentNumber;
  private final List<ValidationError> violations;

  public EInvoiceRejectedException(String documentNumber, List<ValidationError> violations) {
    super("E-invoice " + documentNumber + " breaks " + violations.size() + " PEPPOL rule(s): "
        + String.join("; ", violations.stream().map(ValidationError::text).toList()));
    this.documentNumber = documentNumber;
    this.violations = List.copyOf(violations);
  }

  public String documentNumber() {
    return documentNumber;
  }

  /** The errors as text: rule id, message and location each. */
  public List<String> errors() {
    return violations.stream().map(ValidationError::text).toList();
  }

  public List<ValidationError> violations() {
    return violations;
  }
}
