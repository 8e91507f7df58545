package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The date a build takes as "now": pages say an award has expired when its expiry is before it. The
 * build reads no clock of its own, so the same input and date give the same bytes; the fronts
 * choose the date: an explicit one, else {@value #SOURCE_DATE_EPOCH}, else the current time.
 */
public final class BuildDate {
  /** The reproducible-builds variable: seconds since 1970-01-01T00:00:00Z. */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private BuildDate() {}

  /**
   * Reads {@code 2026-05-01} (the start of that day, UTC), {@code 2026-05-01T12:00:00Z} or a
   * date-time with an offset.
   *
   * @throws BadgesmithException when the text is none of these
   */
  public static Instant parse(String text) {
    String value = text.strip();
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadgesmithException(
          "'"
              + text
              + "' is not a date: write YYYY-MM-DD or an ISO date-time such as"
              + " 2026-05-01T12:00:00Z");
    }
  }

  /**
   * The date {@value #SOURCE_DATE_EPOCH} gives, when the environment sets it.
   *
   * @throws BadgesmithException when it is set but not a whole number of seconds
   */
  public static Optional<Instant> fromEnvironment(Map<String, String> environment) {
    String epoch = environment.get(SOURCE_DATE_EPOCH);
    if (epoch == null || epoch.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
    } catch (NumberFormatException | DateTimeException e) {
      throw new BadgesmithException(
          SOURCE_DATE_EPOCH + " must be a number of seconds since 1970, not '" + epoch + "'");
    }
  }
}
