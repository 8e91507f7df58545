package dev.badgesmith.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Dates and periods as the pages write them: ISO days, and expiry periods in words. */
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

  /** {@code P2Y6M} reads "Each award expires 2 years and 6 months after it was issued." */
  static String expiry(Period period) {
    List<String> parts = new ArrayList<>();
    unit(parts, period.getYears(), "year");
    unit(parts, period.getMonths(), "month");
    unit(parts, period.getDays(), "day");
    if (parts.isEmpty()) {
      return "Each award expires on the day it was issued.";
    }
    String span;
    if (parts.size() == 1) {
      span = parts.get(0);
    } else {
      span =
          String.join(", ", parts.subList(0, parts.size() - 1))
              + " and "
              + parts.get(parts.size() - 1);
    }
    return "Each award expires " + span + " after it was issued.";
  }

  private static void unit(List<String> parts, int count, String unit) {
    if (count != 0) {
      // Integer.toString, not a locale-aware format: output must not depend on the machine.
      parts.add(Integer.toString(count) + " " + unit + (count == 1 ? "" : "s"));
    }
  }
}
