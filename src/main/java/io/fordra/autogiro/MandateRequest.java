package io.fordra.autogiro;

/**
 * POST /api/customers/{n}/mandates: a new Autogiro mandate to send to the bank.
 *
 * @param scheme       AUTOGIRO (the default; AvtaleGiro agreements are the Norwegian banks')
 * @param payerNumber  the betalarnummer, 1-16 digits; by default the customer number when it is 1-16 digits, else the
 *                     payer's personnummer/organisationsnummer as the manual writes it (12 digits)
 * @param payerAccount the payer's Swedish bank account, clearing number and account number ("8327-9, 123 456 789-0",
 *                     "5000 1234567"); or
 * @param payerBankgiro the payer's bankgiro number ("123-4567") when they pay from one
 * @param payerId      the account holder's personnummer or organisationsnummer (Luhn-checked)
 */
public record MandateRequest(String scheme, String payerNumber, String payerAccount, String payerBankgiro,
                             String payerId) {}
