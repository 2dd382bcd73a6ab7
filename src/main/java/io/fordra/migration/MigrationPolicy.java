package io.fordra.migration;

import io.fordra.dunning.DunningStep;
import java.util.Optional;

/**
 * What the dunning policy (processes/dunning-policy.dmn, as deployed now) says about the step a migrated invoice had
 * reached: its port ({@link EngineMigrationPolicy} asks the decision table).
 */
interface MigrationPolicy {

  /** The policy's step at a dunning level (letters sent since the due date), as after a case handler's review. */
  DunningStep at(String country, String customerType, boolean priority, int level);

  /** The level at which the policy sends the collection notice, at or after the reminders sent; empty if never. */
  Optional<Integer> collectionNoticeLevel(String country, String customerType, boolean priority, int reminders);
}
