package io.fordra.invoice;

public enum Currency { SEK, NOK, EUR }
