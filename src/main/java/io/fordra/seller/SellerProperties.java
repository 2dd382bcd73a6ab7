package io.fordra.seller;

import io.fordra.customer.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The company that sends the invoices (fordra.seller.*): printed on every letter, decides VAT and OCR/KID.
 *
 * <p>{@code bankAccount} is the domestic account (Norwegian kontonummer); {@code iban} and {@code bic} are printed
 * labelled as such for payers abroad. {@code fTaxApproved} prints "Godkänd för F-skatt" (Swedish seller),
 * {@code inBusinessRegister} prints "Foretaksregisteret" (Norwegian seller), {@code boardSeat} the town of the board's
 * seat (a company's letters must name it). {@code logo} is the path of the seller's logo; without one the letters
 * print the seller's name in its place.
 */
@ConfigurationProperties("fordra.seller")
public record SellerProperties(
    String name,
    String organisationNumber,
    String vatNumber,
    String street,
    String postalCode,
    String city,
    Country country,
    String email,
    String phone,
    String bankgiro,
    String bankAccount,
    String logo,
    String iban,
    String bic,
    boolean fTaxApproved,
    boolean inBusinessRegister,
    String boardSeat) {

  @ConstructorBinding
  public SellerProperties {}

  /** A seller without IBAN, BIC, registration notes or board seat (what most code outside the letters needs). */
  public SellerProperties(String name, String organisationNumber, String vatNumber, String street, String postalCode,
                          String city, Country country, String email, String phone, String bankgiro,
                          String bankAccount, String logo) {
    this(name, organisationNumber, vatNumber, street, postalCode, city, country, email, phone, bankgiro, bankAccount,
        logo, null, null, false, false, null);
  }
}
