package io.fordra.interest;

import io.fordra.process.ProcessVariable;

/** The interest-invoicing process (processes/interest-invoicing.bpmn): a monthly run, also startable by hand. */
public final class InterestInvoicingProcess {

  public static final String KEY = "interest-invoicing";
  public static final String RESOURCE = "processes/interest-invoicing.bpmn";

  /** Starts a run by hand (the monthly timer starts the others). */
  public static final String RUN_BY_HAND = "RunInterestInvoicing";

  public static final class Elements {
    public static final String START_MONTHLY = "Start_Monthly";
    public static final String START_BY_HAND = "Start_ByHand";
    public static final String INVOICE_CHUNK = "Task_InvoiceInterestChunk";
    public static final String END_INVOICED = "End_Invoiced";

    private Elements() {}
  }

  /** The month whose interest is invoiced (YYYY-MM); the previous month when the timer starts the run. */
  public static final ProcessVariable<String> MONTH = ProcessVariable.of("month", String.class);
  /** The last customer number handled (keyset: the next chunk starts after it). */
  public static final ProcessVariable<String> AFTER_CUSTOMER = ProcessVariable.of("afterCustomer", String.class);
  public static final ProcessVariable<Boolean> MORE = ProcessVariable.of("more", Boolean.class);
  public static final ProcessVariable<Integer> INTEREST_INVOICES = ProcessVariable.of("interestInvoices", Integer.class);

  private InterestInvoicingProcess() {}
}
