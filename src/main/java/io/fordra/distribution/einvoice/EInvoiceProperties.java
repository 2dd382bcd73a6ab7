package io.fordra.distribution.einvoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.einvoice.*: where the e-invoices (PEPPOL BIS Billing 3.0 UBL) are written for the access point to pick up,
 * and whether each is checked against the PEPPOL rules before it leaves (on unless switched off).
 */
@ConfigurationProperties("fordra.einvoice")
record EInvoiceProperties(String outbox, Boolean validate) {

  public EInvoiceProperties {
    outbox = outbox == null || outbox.isBlank() ? "data/einvoice-outbox" : outbox;
    validate = validate == null || validate;
  }
}
