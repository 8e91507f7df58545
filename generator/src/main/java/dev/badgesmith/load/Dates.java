package dev.badgesmith.load;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    // The form is told by a parse that reports failure by position, not by exception: a site has
    // thousands of dates, and most are plain dates, which the first two forms would throw on.
    try {
      if (fits(DateTimeFormatter.ISO_LOCAL_DATE, text)) {
        return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime());
      }
      if (fits(DateTimeFormatter.ISO_OFFSET_DATE_TIME, text)) {
        return Optional.of(OffsetDateTime.parse(text));
      }
      if (fits(DateTimeFormatter.ISO_LOCAL_DATE_TIME, text)) {
        return Optional.of(LocalDateTime.parse(text).atZone(zone).toOffsetDateTime());
      }
    } catch (DateTimeParseException outOfRange) {
      // the right shape with an impossible value, such as month 13
    }
    return Optional.empty();
  }

  private static boolean fits(DateTimeFormatter form, String text) {
    ParsePosition position = new ParsePosition(0);
    return form.parseUnresolved(text, position) != null
        && position.getErrorIndex() < 0
        && position.getIndex() == text.length();
  }

  /**
   * Whether the text is a local date-time that names no instant in the zone: it falls in the gap of
   * a daylight saving change.
   */
  public static boolean inGap(String text, ZoneId zone) {
    if (!fits(DateTimeFormatter.ISO_LOCAL_DATE_TIME, text)) {
      return false;
    }
    try {
      return zone.getRules().getValidOffsets(LocalDateTime.parse(text)).isEmpty();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  public static boolean isDate(String text) {
    return resolve(text, ZoneOffset.UTC).isPresent();
  }

  public static Optional<LocalDate> date(String text) {
    return resolve(text, ZoneOffset.UTC).map(OffsetDateTime::toLocalDate);
  }
}
