package io.fordra.invoice;

import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;

/**
 * How an invoice is taxed, decided from where seller and buyer are (the client states the rates; Fordra checks them
 * against this). The PEPPOL category (UNCL 5305) and the exemption reason follow from it.
 *
 * <ul>
 *   <li>{@link #DOMESTIC}: the seller's own rates (category S, or Z at 0 %): a buyer at home, a private person in
 *       the EU (a Swedish seller), an EU business without a VAT number, and a buyer in the other of Sweden and
 *       Norway, as Fordra has always done.</li>
 *   <li>{@link #REVERSE_CHARGE}: a Swedish seller's EU business customer abroad with a VAT number (mervärdesskattelag
 *       2023:200, VAT directive 2006/112/EC art. 196): 0 %, the buyer accounts for the VAT (category AE).</li>
 *   <li>{@link #EXPORT}: a buyer outside the EU (a Swedish seller), or any buyer abroad of a Norwegian seller
 *       (merverdiavgiftsloven §§ 6-21, 6-22: Norway is outside the EU, so there is no reverse charge across its border
 *       on the seller's side): 0 %, outside the seller's VAT (category G).</li>
 * </ul>
 */
public enum VatTreatment {
  DOMESTIC(null),
  REVERSE_CHARGE("AE"),
  EXPORT("G");

  private final String category;

  VatTreatment(String category) {
    this.category = category;
  }

  /** The buyer as VAT sees it. */
  public record Buyer(Country country, CustomerType type, String vatNumber) {

    boolean hasVatNumber() {
      return vatNumber != null && !vatNumber.isBlank();
    }
  }

  /** The treatment for a buyer of a seller in sellerCountry (SE or NO). */
  public static VatTreatment of(Country sellerCountry, Buyer buyer) {
    Country country = buyer.country();
    if (country == null || country == sellerCountry || country.hasOwnRules()) {
      return DOMESTIC;
    }
    if (sellerCountry == Country.NO) {
      return EXPORT;
    }
    if (!country.isEu()) {
      return EXPORT;
    }
    return buyer.type() == CustomerType.BUSINESS && buyer.hasVatNumber() ? REVERSE_CHARGE : DOMESTIC;
  }

  /** The PEPPOL VAT category (UNCL 5305) of 0 % lines under it: AE, G; null for the seller's rates (S or Z). */
  public String category() {
    return category;
  }

  /** Every line at 0 %: the seller charges no VAT under it. */
  public boolean zeroRated() {
    return this != DOMESTIC;
  }
}
