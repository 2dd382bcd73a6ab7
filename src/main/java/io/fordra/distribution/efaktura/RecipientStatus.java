package io.fordra.distribution.efaktura;

/** What the eFaktura register says about a person for this issuer. */
public enum RecipientStatus {
  /** In the register with a general acceptance ("Alltid eFaktura") and not stopped for this issuer. */
  ACCEPTED,
  /** Not in the register, or without a general acceptance: the person gets no eFaktura. */
  NOT_REGISTERED,
  /** The person has stopped (reserved against) eFaktura from this issuer in their online bank. */
  BLOCKED
}
