package io.fordra.customer;

/**
 * A customer was created or changed (published in the transaction that stores it): packages that keep something per
 * customer (the direct-debit mandates) follow without the register knowing them.
 */
public record CustomerSaved(Customer customer) {}
