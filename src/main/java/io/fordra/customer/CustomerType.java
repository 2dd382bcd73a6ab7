package io.fordra.customer;

public enum CustomerType { PRIVATE, BUSINESS }
