package io.fordra.collection;

/** What the collection agency reports when it closes a case (message CollectionCaseClosed). */
public enum CollectionOutcome {
  /** The agency collected the claim; the money arrives as a payment. */
  COLLECTED,
  /** The agency could not collect; the claim is closed (a loss for the ledger). */
  UNCOLLECTIBLE,
  /** The case was withdrawn from the agency. */
  WITHDRAWN
}
