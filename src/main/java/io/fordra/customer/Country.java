package io.fordra.customer;

/** The countries Fordra collects in; each has its own payment reference, VAT rates and dunning law. */
public enum Country {
  SE("sv"), NO("nb");

  private final String language;

  Country(String language) {
    this.language = language;
  }

  /** The language letters are written in unless the customer chose another. */
  public String language() {
    return language;
  }
}
