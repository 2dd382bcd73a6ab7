package io.fordra.invoice;

/** How a customer's invoice list may be ordered (the portal's columns); ties are broken by id. */
public enum CustomerSort {
  NUMBER("invoice_number"), ISSUE_DATE("issue_date"), DUE_DATE("due_date"), STATUS("status");

  private final String column;

  CustomerSort(String column) {
    this.column = column;
  }

  /** The column of fordra_invoice that InvoiceRepository orders by. */
  String column() {
    return column;
  }
}
