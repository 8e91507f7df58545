package dev.badgesmith.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The date forms a badge site may use: a date ({@code 2025-03-14}), a local date-time, or a
 * date-time with an offset. Dates without a zone are read in the site's time zone, so the build
 * never depends on the machine's.
 */
public final class Dates {
  private Dates() {}

  public static Optional<OffsetDateTime> resolve(String text, ZoneId zone) {
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(zone).toOffsetDateTime());
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime());
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }

  public static boolean isDate(String text) {
    return resolve(text, ZoneId.of("UTC")).isPresent();
  }

  public static Optional<LocalDate> date(String text) {
    return resolve(text, ZoneId.of("UTC")).map(OffsetDateTime::toLocalDate);
  }
}
