package io.fordra.customer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VAT identification numbers by their country prefix: the formats of the EU's VIES (the EU member states), Norway's
 * "NO…MVA", the UK's and Switzerland's. The format only: whether the number is registered is a question for VIES, which
 * Fordra does not ask.
 */
public final class VatNumbers {

  private static final Map<String, Pattern> FORMATS = Map.ofEntries(
      Map.entry("AT", Pattern.compile("ATU\\d{8}")),
      Map.entry("BE", Pattern.compile("BE[01]\\d{9}")),
      Map.entry("BG", Pattern.compile("BG\\d{9,10}")),
      Map.entry("CY", Pattern.compile("CY\\d{8}[A-Z]")),
      Map.entry("CZ", Pattern.compile("CZ\\d{8,10}")),
      Map.entry("DE", Pattern.compile("DE\\d{9}")),
      Map.entry("DK", Pattern.compile("DK\\d{8}")),
      Map.entry("EE", Pattern.compile("EE\\d{9}")),
      Map.entry("EL", Pattern.compile("EL\\d{9}")),
      Map.entry("ES", Pattern.compile("ES[A-Z0-9]\\d{7}[A-Z0-9]")),
      Map.entry("FI", Pattern.compile("FI\\d{8}")),
      Map.entry("FR", Pattern.compile("FR[A-HJ-NP-Z0-9]{2}\\d{9}")),
      Map.entry("HR", Pattern.compile("HR\\d{11}")),
      Map.entry("HU", Pattern.compile("HU\\d{8}")),
      Map.entry("IE", Pattern.compile("IE(\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W])")),
      Map.entry("IT", Pattern.compile("IT\\d{11}")),
      Map.entry("LT", Pattern.compile("LT(\\d{9}|\\d{12})")),
      Map.entry("LU", Pattern.compile("LU\\d{8}")),
      Map.entry("LV", Pattern.compile("LV\\d{11}")),
      Map.entry("MT", Pattern.compile("MT\\d{8}")),
      Map.entry("NL", Pattern.compile("NL\\d{9}B\\d{2}")),
      Map.entry("PL", Pattern.compile("PL\\d{10}")),
      Map.entry("PT", Pattern.compile("PT\\d{9}")),
      Map.entry("RO", Pattern.compile("RO\\d{2,10}")),
      Map.entry("SE", Pattern.compile("SE\\d{10}01")),
      Map.entry("SI", Pattern.compile("SI\\d{8}")),
      Map.entry("SK", Pattern.compile("SK\\d{10}")),
      Map.entry("NO", Pattern.compile("NO\\d{9}MVA")),
      Map.entry("GB", Pattern.compile("GB(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})")),
      Map.entry("CH", Pattern.compile("CHE\\d{9}(MWST|TVA|IVA)?")));

  /** Any other country: its prefix and up to 18 letters and digits. */
  private static final Pattern OTHER = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,18}");

  private VatNumbers() {}

  /** Without spaces, dots and hyphens, in capitals: "de 123.456.789" is DE123456789. */
  public static String normalise(String vatNumber) {
    return vatNumber == null ? null : vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
  }

  /** Null when the (normalised) number is one of the country's; else what is wrong with it. */
  public static String problem(Country country, String vatNumber) {
    String number = normalise(vatNumber);
    String prefix = country.vatPrefix();
    if (!number.startsWith(prefix)) {
      return "must start with " + prefix + ", the VAT prefix of the customer's country " + country;
    }
    Pattern format = FORMATS.get(prefix);
    if (format == null ? !OTHER.matcher(number).matches() : !format.matcher(number).matches()) {
      return "'" + number + "' is not a " + country + " VAT number (" + (format == null ? prefix
          + " and 2-18 letters or digits" : format.pattern()) + ")";
    }
    return null;
  }
}
