package io.fordra.kernel;

/** A request that contradicts what is stored, e.g. a duplicate invoice number (409). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
