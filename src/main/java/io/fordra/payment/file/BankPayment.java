package io.fordra.payment.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One incoming payment as a bank file reports it, before matching.
 *
 * @param bankTransactionId the bank's unique id of the transaction (BgMax: bankgiro reference / serial; camt.054:
 *                          AcctSvcrRef or EndToEndId), unique across files: the same id twice is a duplicate
 * @param amount            positive for money in; negative for a reversal or deduction (BgMax 21, camt.054 DBIT)
 * @param currency          ISO 4217, e.g. SEK, NOK
 * @param bookingDate       the day the money was booked on the account (payment date for interest)
 * @param references        structured references in the order the file gives them: OCR/KID numbers or invoice
 *                          numbers (BgMax 20/21 + 22/23, camt.054 RmtInf/Strd/CdtrRefInf/Ref); may be empty
 * @param remittanceText    unstructured remittance text (BgMax 25, camt.054 RmtInf/Ustrd), null if none
 * @param payerName         the payer's name if the file gives it (BgMax 26, camt.054 Dbtr/Nm), else null
 * @param payerOrganisationNumber the payer's organisation number if given (BgMax 29), else null
 * @param location          where in the file the payment is (e.g. "line 12" or "Ntry[3]/TxDtls[1]"), for reports
 * @param payerAccount      the account the money came from if the file gives it (BgMax 20: the sender's bankgiro
 *                          number), else null
 */
public record BankPayment(String bankTransactionId, BigDecimal amount, String currency, LocalDate bookingDate,
                          List<String> references, String remittanceText, String payerName,
                          String payerOrganisationNumber, String location, String payerAccount) {

  /** A payment whose file does not say which account paid. */
  public BankPayment(String bankTransactionId, BigDecimal amount, String currency, LocalDate bookingDate,
                     List<String> references, String remittanceText, String payerName,
                     String payerOrganisationNumber, String location) {
    this(bankTransactionId, amount, currency, bookingDate, references, remittanceText, payerName,
        payerOrganisationNumber, location, null);
  }

  public BankPayment {
    Objects.requireNonNull(bankTransactionId, "bankTransactionId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(bookingDate, "bookingDate");
    references = references == null ? List.of() : List.copyOf(references);
  }
}
