package io.fordra.dispute;

/** Who told us of the objection: the customer, or the collection agency after the hand-off. */
public enum RaisedBy { CUSTOMER, AGENCY }
