package io.fordra.paymentplan;

import io.fordra.customer.Country;
import io.fordra.reference.PaymentReferences;
import io.fordra.seller.SellerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each instalment's own OCR (Swedish seller) or KID (Norwegian seller), made by the invoices' generator
 * ({@link PaymentReferences}) from a number of fordra_payment_plan_reference_seq. That sequence starts at
 * 9 000 000 001, far above the invoice ids the invoices' references are made from; a number whose reference an
 * invoice (e.g. one taken over with its old OCR/KID) or another instalment already has is skipped, so an incoming
 * payment's reference names one thing only.
 */
@Component
public class InstalmentReferences {

  private final JdbcClient jdbc;
  private final Country sellerCountry;

  public InstalmentReferences(JdbcClient jdbc, SellerProperties seller) {
    this.jdbc = jdbc;
    this.sellerCountry = seller.country();
  }

  /** A reference no invoice or instalment has; reserved for good once taken from the sequence. */
  public String next() {
    while (true) {
      String reference = reference(sellerCountry,
          jdbc.sql("SELECT nextval('fordra_payment_plan_reference_seq')").query(Long.class).single());
      if (!taken(reference)) {
        return reference;
      }
    }
  }

  static String reference(Country seller, long number) {
    String digits = String.valueOf(number);
    return seller == Country.NO ? PaymentReferences.norwegianKid(digits) : PaymentReferences.swedishOcr(digits);
  }

  private boolean taken(String reference) {
    return jdbc.sql("""
            SELECT (SELECT COUNT(*) FROM fordra_invoice WHERE payment_reference = :r)
                 + (SELECT COUNT(*) FROM fordra_payment_plan_instalment WHERE payment_reference = :r)""")
        .param("r", reference).query(Long.class).single() > 0;
  }
}
