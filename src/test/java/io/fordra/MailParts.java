package io.fordra;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;

/** The parts of a mail Fordra wrote to the outbox, as tests read them. */
public final class MailParts {

  private MailParts() {}

  /** Every leaf part of the message, depth first. */
  public static List<Part> leaves(Part part) throws Exception {
    List<Part> leaves = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        leaves.addAll(leaves(multipart.getBodyPart(i)));
      }
    } else {
      leaves.add(part);
    }
    return leaves;
  }
}
