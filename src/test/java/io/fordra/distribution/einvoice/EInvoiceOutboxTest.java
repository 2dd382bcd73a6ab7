package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EInvoiceOutboxTest {

  @TempDir Path folder;

  @Test
  void aFileIsWrittenWholeAndARetryReplacesIt() throws Exception {
    EInvoiceOutbox outbox = new EInvoiceOutbox(new EInvoiceProperties(folder.resolve("out").toString(), true));

    Path first = outbox.write("5566778899-100042.xml", "<a/>".getBytes(StandardCharsets.UTF_8));
    Path again = outbox.write("5566778899-100042.xml", "<b/>".getBytes(StandardCharsets.UTF_8));

    assertThat(again).isEqualTo(first);
    assertThat(Files.readString(again)).isEqualTo("<b/>");
    try (Stream<Path> files = Files.list(folder.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("5566778899-100042.xml");
    }
  }

  @Test
  void onlyPlainFileNames() {
    EInvoiceOutbox outbox = new EInvoiceOutbox(new EInvoiceProperties(folder.toString(), true));

    assertThatThrownBy(() -> outbox.write("../elsewhere.xml", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaults() {
    EInvoiceProperties properties = new EInvoiceProperties(null, null);

    assertThat(properties.outbox()).isEqualTo("data/einvoice-outbox");
    assertThat(properties.validate()).isTrue();
  }
}
