package io.fordra.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Links in staff mails to a task in Tasklist, under fordra.public-url (issue 15, item 11). */
class TasklistLinksTest {

  @Test
  void aTaskIsLinkedUnderThePublicAddress() {
    assertThat(new TasklistLinks("https://fordra.example.se/").task("abc-1"))
        .isEqualTo("https://fordra.example.se/camunda/app/tasklist/default/#/?task=abc-1");
    assertThat(new TasklistLinks("http://localhost:8080").tasklist())
        .isEqualTo("http://localhost:8080/camunda/app/tasklist/default/");
  }

  @Test
  void anAddressThatIsNotHttpIsRefusedAtStart() {
    assertThatThrownBy(() -> new TasklistLinks("fordra.example.se")).hasMessageContaining("fordra.public-url");
  }
}
