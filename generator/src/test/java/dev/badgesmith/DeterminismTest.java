package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input builds the same bytes, whatever the threads, locale or time zone of the machine.
 */
class DeterminismTest {
  private static final Path SITE = TestSites.resources("sites/guild/input");

  /** Same input and same build date, same bytes: the date is an input, like the site. */
  private static final Instant DATE = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void buildsIdenticalTreesTwice(@TempDir Path tmp) {
    Report first =
        Badgesmith.builder().buildDate(DATE).threads(1).build().build(SITE, tmp.resolve("one"));
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Badgesmith.builder().buildDate(DATE).threads(4).build().build(SITE, tmp.resolve("two"));
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
    assertThat(first.hasErrors()).isFalse();
    Map<String, byte[]> one = TestSites.read(tmp.resolve("one"));
    Map<String, byte[]> two = TestSites.read(tmp.resolve("two"));
    assertThat(one).isNotEmpty();
    assertThat(two.keySet()).containsExactlyElementsOf(one.keySet());
    one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void rebuildingOverThePreviousSiteGivesTheSameTree(@TempDir Path tmp) {
    Path out = tmp.resolve("out");
    Badgesmith generator = Badgesmith.builder().buildDate(DATE).build();
    generator.build(SITE, out);
    Map<String, byte[]> before = TestSites.read(out);
    generator.build(SITE, out);
    Map<String, byte[]> after = TestSites.read(out);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
  }
}
