package io.fordra.dunning;

import io.fordra.customer.Country;

/**
 * Where a debtor is, as the dunning policy (processes/dunning-policy.dmn, input "debtorGroup") tells debtors apart:
 * at home (Sweden or Norway, each with its own dunning law), elsewhere in the EU/EEA (where the late-payment directive
 * 2011/7/EU applies between businesses), or anywhere else.
 */
public enum DebtorGroup {
  DOMESTIC, EU, OTHER;

  public static DebtorGroup of(Country debtorCountry) {
    return debtorCountry.hasOwnRules() ? DOMESTIC : debtorCountry.isEea() ? EU : OTHER;
  }

  /**
   * The law the claim follows (input "lawOfClaim"): the debtor's own at home, as Fordra always did; abroad the
   * seller's, where the contract was made (a process owner who agreed otherwise changes the policy's rows).
   */
  public static Country lawOfClaim(Country debtorCountry, Country sellerCountry) {
    return debtorCountry.hasOwnRules() ? debtorCountry : sellerCountry;
  }
}
