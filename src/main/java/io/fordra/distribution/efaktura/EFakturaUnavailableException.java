package io.fordra.distribution.efaktura;

/** The eFaktura service could not be reached or gave no usable answer: try again later (the job's retries). */
public class EFakturaUnavailableException extends RuntimeException {

  public EFakturaUnavailableException(String message) {
    super(message);
  }
}
