package io.fordra.autogiro;

import io.fordra.customer.Country;

/** The direct-debit scheme of a mandate (fordra_mandate.scheme): Autogiro in Sweden, AvtaleGiro in Norway. */
public enum MandateScheme {
  AUTOGIRO, AVTALEGIRO;

  /** The scheme a customer of the country pays by (as V37 took mandates over: Norway AvtaleGiro, else Autogiro). */
  public static MandateScheme of(Country country) {
    return country == Country.NO ? AVTALEGIRO : AUTOGIRO;
  }
}
