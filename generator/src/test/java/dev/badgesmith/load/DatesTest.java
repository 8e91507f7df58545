package dev.badgesmith.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void readsTheThreeFormsInTheSitesTimeZone() {
    assertThat(Dates.resolve("2025-03-14", PARIS))
        .contains(OffsetDateTime.parse("2025-03-14T00:00:00+01:00"));
    assertThat(Dates.resolve("2025-07-14T10:30:00", PARIS))
        .contains(OffsetDateTime.parse("2025-07-14T10:30:00+02:00"));
    assertThat(Dates.resolve("2025-07-14T10:30", PARIS))
        .contains(OffsetDateTime.parse("2025-07-14T10:30:00+02:00"));
    assertThat(Dates.resolve("2025-07-14T10:30:00-05:00", PARIS))
        .contains(OffsetDateTime.parse("2025-07-14T10:30:00-05:00"));
    assertThat(Dates.resolve("2025-07-14T10:30:00Z", PARIS))
        .contains(OffsetDateTime.parse("2025-07-14T10:30:00Z"));
  }

  @Test
  void refusesOtherShapesAndImpossibleValues() {
    for (String text :
        new String[] {
          "2025-13-01", "2025-02-30", "2025-03-14x", "14/03/2025", "2025-03-14 10:00", "", "soon"
        }) {
      assertThat(Dates.resolve(text, PARIS)).as(text).isEmpty();
      assertThat(Dates.isDate(text)).as(text).isFalse();
    }
  }
}
