package io.fordra.payment;

/**
 * Who paid and why, as the bank file said; any part may be null (a file that does not say, or a payment registered
 * over the API).
 *
 * @param account the account the money came from, as the file names it (e.g. "Bankgiro 5050-1055")
 */
public record Remitter(String payerName, String organisationNumber, String account, String remittanceText) {}
