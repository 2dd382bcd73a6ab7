package io.fordra.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files appear in the print outbox only complete, under the batch's name. */
class PrintOutboxTest {

  @TempDir Path directory;

  private PrintOutbox outbox() {
    return new PrintOutbox(new PrintProperties(directory.resolve("outbox").toString()));
  }

  @Test
  void aStagedFileIsHiddenUntilPublishedAndThenReplacesAnEarlierTry() throws IOException {
    PrintOutbox outbox = outbox();
    PrintOutbox.Staged first = outbox.stage("print-batch-000001.json", out -> out.write(bytes("first")));
    assertThat(names(outbox)).containsExactly(".print-batch-000001.json.tmp");
    outbox.publish(first);

    PrintOutbox.Staged second = outbox.stage("print-batch-000001.json", out -> out.write(bytes("second")));
    outbox.publish(second);
    outbox.discard(second);

    assertThat(names(outbox)).containsExactly("print-batch-000001.json");
    assertThat(Files.readString(outbox.directory().resolve("print-batch-000001.json"))).isEqualTo("second");
  }

  @Test
  void aFailedWriteLeavesNothing() throws IOException {
    PrintOutbox outbox = outbox();
    assertThatThrownBy(() -> outbox.stage("print-batch-000002.pdf", out -> {
      out.write(bytes("half a PDF"));
      throw new IOException("disk full");
    })).hasMessageContaining("print-batch-000002.pdf");
    assertThat(names(outbox)).isEmpty();
  }

  @Test
  void aWithdrawnFileIsDeletedUnlessItWasHandedOverAgainMeanwhile() throws IOException {
    PrintOutbox outbox = outbox();
    PrintOutbox.Published rolledBack = outbox.publish(outbox.stage("a.pdf", out -> out.write(bytes("a"))));
    outbox.withdraw(rolledBack);
    assertThat(names(outbox)).isEmpty();

    PrintOutbox.Published earlier = outbox.publish(outbox.stage("b.pdf", out -> out.write(bytes("b1"))));
    outbox.publish(outbox.stage("b.pdf", out -> out.write(bytes("b2"))));
    outbox.withdraw(earlier);
    assertThat(names(outbox)).containsExactly("b.pdf");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> names(PrintOutbox outbox) throws IOException {
    try (Stream<Path> files = Files.list(outbox.directory())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
