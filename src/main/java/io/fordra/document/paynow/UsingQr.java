package io.fordra.document.paynow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The text of the Swedish "Betala med QR" code: the usingQR format published by Visma (usingqr.com / usingqr.se,
 * "UsingQR format specification", revision 2, June 2014), which Swedish bank apps read to prefill a payment. One
 * line of JSON, version and type first. (The field names and their use follow the format's published examples, the
 * domestic bankgiro one and the foreign IBAN one; the specification document itself could not be consulted here.)
 *
 * <pre>{"uqr":1,"tp":1,"nme":"Exempelbolaget AB","cc":"SE","cid":"556677-8899","iref":"10000180","idt":"20261001",
 * "ddt":"20261031","due":1000.00,"pt":"BG","acc":"5050-1055"}</pre>
 *
 * <ul>
 *   <li>uqr 1 (format version), tp 1 (invoice: also for a reminder, which asks to pay the same invoice)</li>
 *   <li>nme payee name, cc payee's country, cid payee's organisation number</li>
 *   <li>iref the payment reference (OCR), idt invoice date, ddt the date to pay by (yyyyMMdd)</li>
 *   <li>due the amount owed when the letter leaves, a JSON number with two decimals; cur only when not SEK (the
 *       format's default)</li>
 *   <li>pt BG (bankgiro, SEK only) or IBAN (with bc = BIC), acc the account as printed on the letter</li>
 * </ul>
 *
 * <p>Only a Swedish seller's letters get a code: Norwegian banks read no common invoice QR format (their apps take KID
 * and account typed or from the OCR line), so a Norwegian letter prints KID and account number clearly instead. An
 * invoice in another currency than SEK cannot be paid into a bankgiro: it gets pt IBAN with the BIC where the seller
 * has an IBAN (as the format's foreign-payment example), otherwise no code.
 */
public final class UsingQr {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final JsonFactory JSON = new JsonFactory();

  private UsingQr() {}

  /** The code's text, or empty when this payment gets no code (see {@link #whyNone}). */
  public static Optional<String> payload(PayNow pay) {
    return whyNone(pay) == null ? Optional.of(json(pay)) : Optional.empty();
  }

  /** Why the payment gets no QR code, or null when it gets one. */
  public static String whyNone(PayNow pay) {
    if (!pay.sellerCountry().equals("SE")) {
      return "Betala med QR is a Swedish format; a " + pay.sellerCountry() + " seller's letter prints the reference"
          + " and account instead";
    }
    if (pay.organisationNumber() == null || pay.organisationNumber().isBlank()) {
      return "the seller has no organisation number, which the format requires (cid)";
    }
    boolean sek = pay.currency().equals("SEK");
    if (sek && (pay.bankgiro() != null || pay.iban() != null)) {
      return null;
    }
    if (!sek && pay.iban() != null) {
      return null;
    }
    return sek ? "the seller has neither bankgiro nor IBAN"
        : "a bankgiro takes only SEK and the seller has no IBAN for " + pay.currency();
  }

  private static String json(PayNow pay) {
    boolean sek = pay.currency().equals("SEK");
    boolean bankgiro = sek && pay.bankgiro() != null;
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("uqr", 1);
      json.writeNumberField("tp", 1);
      json.writeStringField("nme", pay.payeeName());
      json.writeStringField("cc", pay.sellerCountry());
      json.writeStringField("cid", pay.organisationNumber());
      json.writeStringField("iref", pay.reference());
      if (pay.issueDate() != null) {
        json.writeStringField("idt", DAY.format(pay.issueDate()));
      }
      json.writeStringField("ddt", DAY.format(pay.payBy()));
      json.writeNumberField("due", pay.amount()); // scale 2: written as 1000.00, never in exponent form
      if (!sek) {
        json.writeStringField("cur", pay.currency());
      }
      json.writeStringField("pt", bankgiro ? "BG" : "IBAN");
      json.writeStringField("acc", bankgiro ? pay.bankgiro() : pay.iban().replace(" ", ""));
      if (!bankgiro && pay.bic() != null) {
        json.writeStringField("bc", pay.bic());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to a string cannot fail", e);
    }
    return out.toString();
  }
}
