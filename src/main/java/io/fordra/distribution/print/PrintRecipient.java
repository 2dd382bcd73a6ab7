package io.fordra.distribution.print;

/** The postal address a printed letter goes to; attention ("Att: Ekonomiavdelningen") may be null. */
public record PrintRecipient(String name, String attention, String street, String postalCode, String city,
                             String country) {

  public PrintRecipient {
    require(name, "name");
    require(street, "street");
    require(postalCode, "postalCode");
    require(city, "city");
    require(country, "country");
    if (country.length() != 2) {
      throw new IllegalArgumentException("country must be an ISO 3166 code of two letters, not '" + country + "'");
    }
    attention = attention == null || attention.isBlank() ? null : attention;
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A printed letter needs the recipient's " + field);
    }
  }
}
