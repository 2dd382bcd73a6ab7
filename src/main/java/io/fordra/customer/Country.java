package io.fordra.customer;

import io.fordra.kernel.CodeList;
import java.util.Set;

/**
 * A country by its ISO 3166-1 alpha-2 code: where a customer is, and (SE or NO only) where the seller is. Sweden and
 * Norway are the countries Fordra has its own rules for (payment reference, VAT rates, dunning law, working days);
 * every other country is "abroad": letters in English unless the customer chose another language, VAT as reverse
 * charge or export (see io.fordra.invoice.VatTreatment), dunning under the law of the claim.
 */
public enum Country implements CodeList {
  AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, AU, AW, AX, AZ, BA, BB, BD, BE, BF, BG, BH, BI, BJ, BL, BM, BN,
  BO, BQ, BR, BS, BT, BV, BW, BY, BZ, CA, CC, CD, CF, CG, CH, CI, CK, CL, CM, CN, CO, CR, CU, CV, CW, CX, CY, CZ,
  DE, DJ, DK, DM, DO, DZ, EC, EE, EG, EH, ER, ES, ET, FI, FJ, FK, FM, FO, FR, GA, GB, GD, GE, GF, GG, GH, GI, GL,
  GM, GN, GP, GQ, GR, GS, GT, GU, GW, GY, HK, HM, HN, HR, HT, HU, ID, IE, IL, IM, IN, IO, IQ, IR, IS, IT, JE, JM,
  JO, JP, KE, KG, KH, KI, KM, KN, KP, KR, KW, KY, KZ, LA, LB, LC, LI, LK, LR, LS, LT, LU, LV, LY, MA, MC, MD, ME,
  MF, MG, MH, MK, ML, MM, MN, MO, MP, MQ, MR, MS, MT, MU, MV, MW, MX, MY, MZ, NA, NC, NE, NF, NG, NI, NL, NO, NP,
  NR, NU, NZ, OM, PA, PE, PF, PG, PH, PK, PL, PM, PN, PR, PS, PT, PW, PY, QA, RE, RO, RS, RU, RW, SA, SB, SC, SD,
  SE, SG, SH, SI, SJ, SK, SL, SM, SN, SO, SR, SS, ST, SV, SX, SY, SZ, TC, TD, TF, TG, TH, TJ, TK, TL, TM, TN, TO,
  TR, TT, TV, TW, TZ, UA, UG, UM, US, UY, UZ, VA, VC, VE, VG, VI, VN, VU, WF, WS, YE, YT, ZA, ZM, ZW;

  /** The 27 member states of the EU (VAT territory; the VAT number prefix of Greece is EL). */
  private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
      "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
  /** The EEA beyond the EU: the late-payment directive 2011/7/EU applies there too. */
  private static final Set<String> EEA_ONLY = Set.of("IS", "LI", "NO");

  @Override
  public String whatAValidCodeIs() {
    return "an ISO 3166-1 alpha-2 country code in capitals (e.g. SE, NO, DE, US)";
  }

  /** The language letters are written in unless the customer chose another: sv, nb, else English. */
  public String language() {
    return this == SE ? "sv" : this == NO ? "nb" : "en";
  }

  /** Sweden or Norway: a country with Fordra's own rules (seller's country, dunning law, payment reference). */
  public boolean hasOwnRules() {
    return this == SE || this == NO;
  }

  /** A member state of the European Union (for VAT: reverse charge between member states). */
  public boolean isEu() {
    return EU.contains(name());
  }

  /** In the European Economic Area (EU, Iceland, Liechtenstein, Norway). */
  public boolean isEea() {
    return isEu() || EEA_ONLY.contains(name());
  }

  /** The prefix of this country's VAT numbers (EL for Greece); its code elsewhere. */
  public String vatPrefix() {
    return this == GR ? "EL" : name();
  }

  /** The country of an ISO code in any case, or null when there is none such. */
  public static Country of(String isoCode) {
    if (isoCode == null || !isoCode.strip().matches("[A-Za-z]{2}")) {
      return null;
    }
    try {
      return valueOf(isoCode.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
