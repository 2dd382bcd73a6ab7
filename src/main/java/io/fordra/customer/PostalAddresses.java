package io.fordra.customer;

import java.util.Map;
import java.util.regex.Pattern;

/** What makes a postal address one that the print service can post (the PRINT channel's criterion). */
public final class PostalAddresses {

  /** Postal code formats of the countries Fordra knows; elsewhere any non-blank code is accepted. */
  private static final Map<String, Pattern> POSTAL_CODES = Map.of(
      "SE", Pattern.compile("\\d{3} ?\\d{2}"),
      "NO", Pattern.compile("\\d{4}"),
      "DK", Pattern.compile("\\d{4}"),
      "FI", Pattern.compile("\\d{5}"));
  private static final Map<String, String> FORMATS = Map.of("SE", "NNN NN", "NO", "NNNN", "DK", "NNNN",
      "FI", "NNNNN");

  private PostalAddresses() {}

  public static boolean isValidPostalCode(String country, String postalCode) {
    if (postalCode == null || postalCode.isBlank()) {
      return false;
    }
    Pattern pattern = country == null ? null : POSTAL_CODES.get(country);
    return pattern == null || pattern.matcher(postalCode.strip()).matches();
  }

  public static String format(String country) {
    return FORMATS.getOrDefault(country, "any");
  }

  /** Street, postal code and city present, and the postal code fits the country. */
  public static boolean isPostable(Customer.Address address) {
    return address != null && notBlank(address.street()) && notBlank(address.city())
        && isValidPostalCode(address.country(), address.postalCode());
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
