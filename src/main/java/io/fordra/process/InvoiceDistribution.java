package io.fordra.process;

/** The invoice-distribution process (processes/invoice-distribution.bpmn): sends one document of an invoice. */
public final class InvoiceDistribution {

  public static final String KEY = "invoice-distribution";
  public static final String RESOURCE = "processes/invoice-distribution.bpmn";

  public static final class Elements {
    public static final String SEND_EMAIL = "Task_SendEmail";

    private Elements() {}
  }

  public static final ProcessVariable<String> INVOICE_NUMBER = InvoiceToCash.INVOICE_NUMBER;
  public static final ProcessVariable<Long> DOCUMENT_ID = InvoiceToCash.DOCUMENT_ID;
  /** Which hand-over of the document this is (1 when invoice-to-cash sends it; more when a person sends it again). */
  public static final ProcessVariable<Integer> SEND_ATTEMPT = ProcessVariable.of("sendAttempt", Integer.class);

  private InvoiceDistribution() {}
}
