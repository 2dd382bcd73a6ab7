package io.fordra.kernel;

/** An enum too long to list in an error message: it says instead what a valid value looks like. */
public interface CodeList {

  /** E.g. "an ISO 3166-1 alpha-2 country code in capitals (e.g. SE, NO, DE, US)". */
  String whatAValidCodeIs();
}
