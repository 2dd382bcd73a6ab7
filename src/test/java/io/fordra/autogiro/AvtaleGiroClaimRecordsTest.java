package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AvtaleGiro claim file, record by record and field by field, as the systemspesifikasjon lays it out. */
class AvtaleGiroClaimRecordsTest {

  private static String at(String record, int from, int to) {
    return record.substring(from - 1, to);
  }

  private static List<String> records(byte[] file) {
    return List.of(new String(file, AvtaleGiroClaimRecords.CHARSET).split("\r\n"));
  }

  @Test
  void claimsWithTheBanksNoticeAndWithTheirOwn_andACancellationAssignment() {
    byte[] file = AvtaleGiroClaimRecords.file("12345", "86011117947", 42, List.of(
        new AvtaleGiroClaimRecords.Claim(LocalDate.of(2026, 4, 1), new BigDecimal("1250.00"), "000100006",
            "Øyvind Nordmann",
            "FORDRA-7", true),
        new AvtaleGiroClaimRecords.Claim(LocalDate.of(2026, 4, 3), new BigDecimal("99.50"), "12345678901234567890123",
            "Kari", "FORDRA-8", false)),
        List.of(new AvtaleGiroClaimRecords.Claim(LocalDate.of(2026, 4, 2), new BigDecimal("10.00"), "55", "Ola",
            "FORDRA-3", false)));
    List<String> r = records(file);

    assertThat(r).allSatisfy(x -> assertThat(x).hasSize(80));
    assertThat(r).extracting(x -> x.substring(0, 8)).containsExactly("NY000010", "NY210020", "NY212130",
        "NY212131", "NY210230", "NY210231", "NY210088", "NY213620", "NY219330", "NY219331", "NY213688", "NY000089");
    // Start of transmission
    assertThat(at(r.get(0), 9, 16)).isEqualTo("00012345");
    assertThat(at(r.get(0), 17, 23)).isEqualTo("0000042");
    assertThat(at(r.get(0), 24, 31)).isEqualTo("00008080");
    assertThat(at(r.get(0), 32, 80)).isEqualTo("0".repeat(49));
    // Start of assignment
    assertThat(at(r.get(1), 9, 17)).isEqualTo("000000000");
    assertThat(at(r.get(1), 18, 24)).isEqualTo("0000042");
    assertThat(at(r.get(1), 25, 35)).isEqualTo("86011117947");
    assertThat(at(r.get(1), 36, 80)).isEqualTo("0".repeat(45));
    // Amount item 1: the bank notifies (21)
    String item1 = r.get(2);
    assertThat(at(item1, 9, 15)).isEqualTo("0000001");
    assertThat(at(item1, 16, 21)).as("due date DDMMYY").isEqualTo("010426");
    assertThat(at(item1, 22, 32)).isEqualTo(" ".repeat(11));
    assertThat(at(item1, 33, 49)).as("amount in øre").isEqualTo("00000000000125000");
    assertThat(at(item1, 50, 74)).as("KID right-justified").isEqualTo(" ".repeat(16) + "000100006");
    assertThat(at(item1, 75, 80)).isEqualTo("000000");
    // Amount item 2
    String item2 = r.get(3);
    assertThat(at(item2, 9, 15)).isEqualTo("0000001");
    assertThat(at(item2, 16, 25)).as("short name, cut to 10").isEqualTo("Øyvind Nor");
    assertThat(at(item2, 26, 50)).isBlank();
    assertThat(at(item2, 51, 75)).isEqualTo(String.format("%-25s", "FORDRA-7"));
    assertThat(at(item2, 76, 80)).isEqualTo("00000");
    // End of assignment: 2 transactions, 6 records, the sum, first and last due date
    String end = r.get(6);
    assertThat(at(end, 9, 16)).isEqualTo("00000002");
    assertThat(at(end, 17, 24)).isEqualTo("00000006");
    assertThat(at(end, 25, 41)).isEqualTo("00000000000134950");
    assertThat(at(end, 42, 47)).isEqualTo("010426");
    assertThat(at(end, 48, 53)).isEqualTo("030426");
    assertThat(at(end, 54, 80)).isEqualTo("0".repeat(27));
    // The cancellation assignment
    assertThat(at(r.get(7), 18, 24)).isEqualTo("5000042");
    assertThat(at(r.get(8), 50, 74)).isEqualTo(" ".repeat(23) + "55");
    // End of transmission: all 3 transactions, all 12 records
    String last = r.get(11);
    assertThat(at(last, 9, 16)).isEqualTo("00000003");
    assertThat(at(last, 17, 24)).isEqualTo("00000012");
    assertThat(at(last, 25, 41)).isEqualTo("00000000000135950");
    assertThat(at(last, 42, 47)).isEqualTo("010426");
    assertThat(at(last, 48, 80)).isEqualTo("0".repeat(33));
    assertThat(file[80 * 3 + 2 * 3 + 15]).as("Ø in ISO-8859-1").isEqualTo((byte) 0xD8);
  }

  @Test
  void aKidThatIsNotDigitsIsRefused() {
    assertThatThrownBy(() -> AvtaleGiroClaimRecords.file("1", "86011117947", 1, List.of(new AvtaleGiroClaimRecords
        .Claim(LocalDate.of(2026, 4, 1), BigDecimal.TEN, "12-34", "A", "R", false)), List.of()))
        .hasMessageContaining("KID");
    assertThat(AvtaleGiroClaimRecords.isKid("1")).isFalse();
    assertThat(AvtaleGiroClaimRecords.isKid("1234567890123456789012345")).isTrue();
  }
}
