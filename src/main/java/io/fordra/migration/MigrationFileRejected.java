package io.fordra.migration;

import io.fordra.kernel.FileRejected;
import java.util.List;

/** A migration file that cannot be read at all (no usable header, not CSV): nothing from it is taken over. */
class MigrationFileRejected extends FileRejected {

  MigrationFileRejected(List<Problem> problems) {
    super(problems);
  }

  @Override
  public String title() {
    return "The migration file was refused; nothing from it was taken over";
  }
}
