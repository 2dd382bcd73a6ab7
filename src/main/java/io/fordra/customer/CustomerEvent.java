package io.fordra.customer;

import java.time.Instant;
import java.util.List;

/**
 * One change of a customer in the register: who made it, when, and each field from what to what.
 *
 * @param by      the authenticated user who made it (the Principal's name), or the case handler of a deviation
 * @param reason  why, when one was given (deactivation, reactivation)
 * @param changes the fields that changed, in the order of the customer's fields; empty for (re)activation
 */
public record CustomerEvent(long id, Type type, Instant at, String by, String reason, List<Change> changes) {

  public enum Type { CHANGED, DEACTIVATED, REACTIVATED }

  /** A field as the API names it ("email", "address.postalCode"), its value before and after (null: none). */
  public record Change(String field, String from, String to) {}
}
