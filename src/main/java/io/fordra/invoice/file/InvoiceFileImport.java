package io.fordra.invoice.file;

import io.fordra.process.ProcessVariable;

/**
 * The invoice-file-import process (processes/invoice-file-import.bpmn): creates the invoices of one invoice file in
 * chunks; an all-or-nothing file is checked whole first.
 */
public final class InvoiceFileImport {

  public static final String KEY = "invoice-file-import";
  public static final String RESOURCE = "processes/invoice-file-import.bpmn";

  public static final class Elements {
    public static final String CHECK_CHUNK = "Task_CheckInvoices";
    public static final String CREATE_CHUNK = "Task_CreateInvoices";
    public static final String REJECT_FILE = "Task_RejectFile";
    public static final String REPORT = "Task_ReportImport";
    public static final String END_IMPORTED = "End_Imported";
    public static final String END_REJECTED = "End_FileRejected";

    private Elements() {}
  }

  /** The business key of a file's import. */
  public static String businessKey(long invoiceFileId) {
    return "invoice-file-" + invoiceFileId;
  }

  public static final ProcessVariable<Long> INVOICE_FILE_ID = ProcessVariable.of("invoiceFileId", Long.class);
  /** fordra.import.mode when the file arrived: check the whole file before creating anything. */
  public static final ProcessVariable<Boolean> ALL_OR_NOTHING = ProcessVariable.of("allOrNothing", Boolean.class);
  /** The first line of the last invoice checked (all-or-nothing), 0 before the first. */
  public static final ProcessVariable<Integer> CHECKED_UP_TO = ProcessVariable.of("checkedUpToLine", Integer.class);
  /** The first line of the last invoice created or refused, 0 before the first. */
  public static final ProcessVariable<Integer> CREATED_UP_TO = ProcessVariable.of("createdUpToLine", Integer.class);
  /** Whether invoices remain after this chunk. */
  public static final ProcessVariable<Boolean> MORE = ProcessVariable.of("more", Boolean.class);
  /** How many invoices the check refused (all-or-nothing: any refuses the file). */
  public static final ProcessVariable<Integer> REJECTED_INVOICES = ProcessVariable.of("rejectedInvoices", Integer.class);
  /** The import summary, as the history shows it. */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.of("importSummary", String.class);

  private InvoiceFileImport() {}
}
