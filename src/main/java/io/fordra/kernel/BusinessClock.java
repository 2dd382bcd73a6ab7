package io.fordra.kernel;

import java.time.LocalDate;

/**
 * Today's date in Fordra's business time, which tests and the simulation move. The kernel's rules ask this interface,
 * so that they do not depend on the engine clock that implements it (process.FordraClock).
 */
public interface BusinessClock {

  LocalDate today();
}
