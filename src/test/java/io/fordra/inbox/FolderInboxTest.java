package io.fordra.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are imported; names too long for a report beside them are shortened the same way each time. */
class FolderInboxTest {

  @TempDir Path dir;

  @Test
  void onlyRegularFilesWait_notLinksFoldersOrTheInboxsOwnFolders() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "secret");
    Path inboxDir = Files.createDirectories(dir.resolve("inbox"));
    FolderInbox inbox = new FolderInbox(inboxDir);
    Files.writeString(inboxDir.resolve("b.csv"), "x");
    Files.writeString(inboxDir.resolve("a.csv"), "x");
    Files.createSymbolicLink(inboxDir.resolve("link.csv"), outside);
    Files.createSymbolicLink(inboxDir.resolve("dangling.csv"), dir.resolve("nothing"));
    Files.createDirectories(inboxDir.resolve("folder.csv"));
    Files.createDirectories(inboxDir.resolve(FolderInbox.PROCESSED));
    Files.writeString(inboxDir.resolve(".hidden"), "x");

    assertThat(inbox.waiting()).extracting(p -> p.getFileName().toString()).containsExactly("a.csv", "b.csv");
  }

  @Test
  void aNameTooLongForItsSuffixKeepsItsBeginningAndGetsAHashOfTheWhole() {
    String shortName = "billing.csv";
    assertThat(FolderInbox.fit(shortName, ".report.txt")).isEqualTo("billing.csv.report.txt");

    String longName = "å".repeat(100) + "-" + "x".repeat(50) + ".csv";   // 255 bytes
    String fitted = FolderInbox.fit(longName, ".report.txt");
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FolderInbox.MAX_NAME_BYTES);
    assertThat(fitted).startsWith("å".repeat(100) + "-xxx").matches(".*~[0-9a-f]{12}\\.report\\.txt")
        .isEqualTo(FolderInbox.fit(longName, ".report.txt"));
    String other = "å".repeat(100) + "-" + "x".repeat(50) + ".CSV";
    assertThat(FolderInbox.fit(other, ".report.txt")).as("names that begin alike stay apart").isNotEqualTo(fitted);
  }
}
