package io.fordra.seller;

import io.fordra.customer.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The company that sends the invoices (fordra.seller.*): printed on every letter, decides VAT and OCR/KID. */
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
    String logo) {}
