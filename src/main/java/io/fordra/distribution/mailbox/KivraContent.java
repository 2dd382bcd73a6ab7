package io.fordra.distribution.mailbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One content for a private person's Kivra mailbox, as the body of {@code POST /v2/tenant/{tenantKey}/content}
 * (developer.kivra.com, "Tenant API - Content / Send content", schema Content_user_v2): the recipient's {@code ssn},
 * {@code subject}, {@code generated_at}, the content {@code type} ("invoice", "invoice.reminder" or "letter"), the
 * PDF as the one {@code parts} entry (base64), and for what can be paid {@code payment_multiple_options}: payable,
 * currency, method "1" (bankgiro) with the account, and one option with due date, amount and the OCR reference
 * (type SE_OCR; TENANT_REF where the reference is not digits only), so that the recipient can pay from the mailbox.
 *
 * <p>Built in a fixed field order from the stored letter only: the same letter gives the same body.
 */
public record KivraContent(String ssn, String subject, LocalDate generatedAt, String type, String fileName,
                           byte[] pdf, Payment payment) {

  /**
   * @param payable  whether the mailbox offers to pay it (Kivra pays SEK by bankgiro)
   * @param account  the seller's bankgiro, digits only
   */
  public record Payment(boolean payable, String currency, String account, LocalDate dueDate, BigDecimal amount,
                        String reference) {}

  /** The body as an ordered map, ready for JSON. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ssn", ssn);
    body.put("subject", subject);
    body.put("generated_at", generatedAt.toString());
    body.put("type", type);
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("name", fileName);
    part.put("data", Base64.getEncoder().encodeToString(pdf));
    part.put("content_type", "application/pdf");
    body.put("parts", List.of(part));
    if (payment != null) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("due_date", payment.dueDate().toString());
      option.put("amount", payment.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
      option.put("type", payment.reference().matches("\\d+") ? "SE_OCR" : "TENANT_REF");
      option.put("reference", payment.reference());
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("payable", payment.payable());
      options.put("currency", payment.currency());
      options.put("method", "1");
      options.put("account", payment.account());
      options.put("options", List.of(option));
      body.put("payment_multiple_options", options);
    }
    return body;
  }
}
