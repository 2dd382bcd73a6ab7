package io.fordra.customer;

/**
 * What GET /api/customers searches for; null criteria match every customer, and every criterion given must match.
 *
 * @param customerNumber     the number starts with this
 * @param name               the name contains this, in any case
 * @param organisationNumber this organisation number, written with or without '-' and blanks
 * @param email              this e-mail or invoice e-mail, in any case
 * @param active             only active (true) or only inactive (false) customers
 * @param text               any of number, name, organisation number, e-mail or invoice e-mail contains this ("q")
 */
public record CustomerQuery(String customerNumber, String name, String organisationNumber, String email,
                            Boolean active, String text) {}
