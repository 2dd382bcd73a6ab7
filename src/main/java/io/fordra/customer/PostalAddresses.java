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
      "FI", Pattern.compile("\\d{5}"),
      "DE", Pattern.compile("\\d{5}"),
      "GB", Pattern.compile("(?i)[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"),
      "US", Pattern.compile("\\d{5}(-\\d{4})?"));
  private static final Map<String, String> FORMATS = Map.of("SE", "NNN NN", "NO", "NNNN", "DK", "NNNN",
      "FI", "NNNNN", "DE", "NNNNN", "GB", "e.g. SW1A 1AA", "US", "ZIP NNNNN or NNNNN-NNNN");

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

  /**
   * The lines under the name in the way the country's post reads them, without the country line: "postal code city"
   * in most of Europe (SE, NO, DE, FI, DK ...), the post town and then the postcode on a line of its own in the UK,
   * "city postal code" (ZIP after the city and state) in the US and Canada. Blank parts are left out.
   */
  public static java.util.List<String> lines(String country, String street, String postalCode, String city) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    add(lines, street);
    String code = country == null ? "" : country.toUpperCase(java.util.Locale.ROOT);
    switch (code) {
      case "GB", "IE" -> {
        add(lines, city == null ? null : city.toUpperCase(java.util.Locale.ROOT));
        add(lines, postalCode);
      }
      case "US", "CA", "AU" -> add(lines, joined(city, postalCode));
      default -> add(lines, joined(postalCode, city));
    }
    return lines;
  }

  private static void add(java.util.List<String> lines, String line) {
    if (notBlank(line)) {
      lines.add(line.strip());
    }
  }

  private static String joined(String first, String second) {
    return ((notBlank(first) ? first.strip() : "") + " " + (notBlank(second) ? second.strip() : "")).strip();
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
