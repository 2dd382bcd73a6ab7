package io.fordra.paymentplan;

/** What a debtor who cannot pay today asks for: to pay in parts, or to pay one invoice later (anstånd/utsettelse). */
public enum PlanKind {
  INSTALMENTS, DEFERRAL
}
