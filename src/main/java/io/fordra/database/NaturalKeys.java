package io.fordra.database;

import io.fordra.kernel.ConflictException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates whose row has a natural key (invoice, customer and article numbers, portal user names, bank files): the
 * row is inserted in a savepoint, and the database's unique key decides who was first. A request that checked "not
 * there yet" at the same moment as another waits on the winner's row lock (H2: the LOCK_TIMEOUT that H2Connections
 * adds to the URL; PostgreSQL waits by itself) and then meets the duplicate key: a 409, never a 500. The savepoint
 * keeps the caller's transaction usable on PostgreSQL, where a failed statement would otherwise spoil it.
 */
@Component
public class NaturalKeys {

  private final TransactionTemplate savepoint;

  public NaturalKeys(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Runs the insert; a key that is taken (by now or by a concurrent request) is a ConflictException (409). */
  public <T> T claim(String conflict, Supplier<T> insert) {
    return tryClaim(insert).orElseThrow(() -> new ConflictException(conflict));
  }

  /** As {@link #claim(String, Supplier)} for an insert without a result. */
  public void claim(String conflict, Runnable insert) {
    claim(conflict, () -> {
      insert.run();
      return Boolean.TRUE;
    });
  }

  /** Runs the insert; empty when the key is taken (the row inserted first is then visible to the caller). */
  public <T> Optional<T> tryClaim(Supplier<T> insert) {
    try {
      return Optional.of(savepoint.execute(status -> insert.get()));
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }
}
