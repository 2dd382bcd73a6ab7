package io.fordra.customer;

/** How a customer wants to receive invoices. Only EMAIL is wired today; the others arrive with Distribution. */
public enum Channel {
  EMAIL, PRINT, EINVOICE, DIRECT_DEBIT,
  /** A Swedish private person's digital mailbox (Kivra), found by their personnummer. */
  DIGITAL_MAILBOX,
  /** Norwegian eFaktura (B2C) to a private person's online bank, addressed by fødselsnummer (invoices only). */
  EFAKTURA
}
