package io.fordra.autogiro;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a mandate advice file did: how many TK73 records it had, how many were applied and kept aside, and each
 * record's outcome (APPLIED with what changed, KEPT_ASIDE with why).
 *
 * @param sameFileAgain the file had been received before (same content): nothing was applied this time
 * @param notes the first {@value #NOTES_LISTED} records' outcomes, by line
 * @param notesNotListed how many records {@code notes} leaves out
 */
public record MandateAdviceSummary(long id, String fileName, LocalDate writtenOn, int records, int applied,
                                   int keptAside, Instant receivedAt, boolean sameFileAgain, List<Note> notes,
                                   int notesNotListed) {

  public static final int NOTES_LISTED = 200;

  public record Note(int line, String payerNumber, String outcome, String message) {}
}
