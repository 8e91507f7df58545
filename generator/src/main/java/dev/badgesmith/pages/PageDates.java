package dev.badgesmith.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates and periods as the views give them: ISO days (which templates write in words with {@code
 * frame.date}), and expiry periods in words.
 */
final class PageDates {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private PageDates() {}

  // The date as the award record wrote it (in its own offset), not as some other zone sees it.
  static String date(OffsetDateTime time) {
    return DATE.format(time.toLocalDate());
  }

  static String date(LocalDate day) {
    return DATE.format(day);
  }

  /**
   * {@code P2Y6M} reads "Each award expires 2 years and 6 months after it was issued." in the words
   * of the pages' language.
   */
  static String expiry(Period period, Messages words) {
    List<String> parts = new ArrayList<>();
    unit(parts, period.getYears(), "period.years", words);
    unit(parts, period.getMonths(), "period.months", words);
    unit(parts, period.getDays(), "period.days", words);
    if (parts.isEmpty()) {
      return words.text("badge.expiry.sameDay");
    }
    return words.text("badge.expiry.after", Lists.and(parts, words));
  }

  private static void unit(List<String> parts, int count, String key, Messages words) {
    if (count != 0) {
      parts.add(words.text(key, count));
    }
  }
}
