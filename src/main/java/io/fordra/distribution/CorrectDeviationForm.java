package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * forms/correct-distribution-deviation.form: why the document did not reach the customer and how they are reached
 * now (read-only), and the case handler's corrections.
 */
@Component
public class CorrectDeviationForm extends TaskForm {

  static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  static final ProcessVariable<String> DOCUMENT_NAME = ProcessVariable.of("documentName", String.class);
  static final ProcessVariable<String> PROBLEM = ProcessVariable.of("problem", String.class);
  static final ProcessVariable<String> CURRENT_EMAIL = ProcessVariable.of("currentEmail", String.class);
  /** The customer's channel as shown (not the decision fact of the same name, InvoiceDistribution.Facts). */
  static final ProcessVariable<String> PREFERRED_CHANNEL = ProcessVariable.of("preferredChannel", String.class);
  static final ProcessVariable<String> CURRENT_ADDRESS = ProcessVariable.of("currentAddress", String.class);

  static final ProcessVariable<String> EMAIL = ProcessVariable.of("correctedEmail", String.class);
  static final ProcessVariable<String> STREET = ProcessVariable.of("correctedStreet", String.class);
  static final ProcessVariable<String> POSTAL_CODE = ProcessVariable.of("correctedPostalCode", String.class);
  static final ProcessVariable<String> CITY = ProcessVariable.of("correctedCity", String.class);
  static final ProcessVariable<String> COMMENT = ProcessVariable.of("deviationComment", String.class);

  public CorrectDeviationForm() {
    super("correct-distribution-deviation",
        List.of(InvoiceDistribution.INVOICE_NUMBER, CUSTOMER_NAME, DOCUMENT_NAME, PROBLEM, CURRENT_EMAIL,
            PREFERRED_CHANNEL, CURRENT_ADDRESS),
        List.of(InvoiceDistribution.DEVIATION_ACTION, InvoiceDistribution.REQUESTED_CHANNEL, EMAIL, STREET,
            POSTAL_CODE, CITY, COMMENT));
  }
}
