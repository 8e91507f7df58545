package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats of single values (URLs, e-mail addresses, dates, periods, sizes, language tags, time
 * zones), each checked where it is written: a value of the wrong form is reported at its position.
 */
final class ValueChecks {
  private static final Pattern SIZE =
      Pattern.compile("([0-9]{1,9})\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

  private ValueChecks() {}

  /** Whether {@code baseUrl} is an https URL in canonical form (see {@link BaseUrl}). */
  static boolean baseUrl(Located<String> url, Diagnostics d) {
    Optional<BaseUrl.Problem> problem = BaseUrl.problem(url.value());
    problem.ifPresent(
        p -> d.add(Diagnostic.error(Code.INVALID_URL, url.at(), p.message()).withHint(p.hint())));
    return problem.isEmpty();
  }

  static boolean httpUrl(Located<String> url, Diagnostics d) {
    try {
      URI uri = new URI(url.value());
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return true;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_URL, url.at(), "'" + url.value() + "' is not an http or https URL")
            .withHint("write the full address, such as https://example.org/page"));
    return false;
  }

  static boolean email(Located<String> email, Diagnostics d) {
    if (EMAIL.matcher(email.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
            Code.INVALID_EMAIL, email.at(), "'" + email.value() + "' is not an e-mail address"));
    return false;
  }

  static boolean date(Located<String> date, Diagnostics d) {
    Optional<LocalDate> day = Dates.date(date.value());
    if (day.isPresent() && (day.get().getYear() < 1000 || day.get().getYear() > 9999)) {
      // Credentials write dates as xsd:dateTime, and verifiers read four-digit years only.
      d.add(
          Diagnostic.error(
                  Code.INVALID_DATE,
                  date.at(),
                  "'"
                      + date.value()
                      + "' has the year "
                      + day.get().getYear()
                      + ", not a four-digit year")
              .withHint("write a year from 1000 to 9999, such as 2025-03-14"));
      return false;
    }
    if (day.isPresent()) {
      return true;
    }
    d.add(
        Diagnostic.error(Code.INVALID_DATE, date.at(), "'" + date.value() + "' is not a date")
            .withHint("write 2025-03-14, 2025-03-14T09:30:00 or 2025-03-14T09:30:00+01:00"));
    return false;
  }

  static Optional<Period> period(Located<String> text, Diagnostics d) {
    try {
      Period p = Period.parse(text.value());
      if (!p.isNegative() && !p.isZero()) {
        return Optional.of(p);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a period of time")
            .withHint("write an ISO-8601 period such as P2Y (two years), P6M or P90D"));
    return Optional.empty();
  }

  static Optional<Integer> pixels(Located<String> text, Diagnostics d) {
    if (text.value().matches("[0-9]{1,5}")) {
      int px = Integer.parseInt(text.value());
      if (px >= 16 && px <= 4096) {
        return Optional.of(px);
      }
    }
    d.add(
        Diagnostic.error(Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a PNG size")
            .withHint("give the width in pixels, from 16 to 4096, such as 512"));
    return Optional.empty();
  }

  /** A size such as {@code 256 KB}, {@code 1MB} or {@code 300000} (bytes); 1 KB is 1024 bytes. */
  static Optional<Long> size(Located<String> text, Diagnostics d) {
    Matcher m = SIZE.matcher(text.value());
    if (m.matches()) {
      String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
      long factor =
          switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            default -> 1L;
          };
      long size = Long.parseLong(m.group(1)) * factor;
      if (size > 0) {
        return Optional.of(size);
      }
    }
    d.add(
        Diagnostic.error(Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a file size")
            .withHint("write a size such as 256 KB or 1 MB"));
    return Optional.empty();
  }

  static boolean language(Located<String> text, Diagnostics d) {
    if (LANGUAGE.matcher(text.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a language tag")
            .withHint("write a BCP 47 tag such as en, de or pt-BR"));
    return false;
  }

  static boolean timeZone(Located<String> text, Diagnostics d) {
    try {
      ZoneId.of(text.value());
      return true;
    } catch (DateTimeException e) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a time zone")
              .withHint("write a zone id such as UTC or Europe/Berlin"));
      return false;
    }
  }
}
