package dev.badgesmith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Badgesmith#xapi} writes and where it sends it.
 *
 * @param out the file the statements are written to, as one JSON array
 * @param since only awards issued, and revocations dated, on or after this day (in the site's time
 *     zone)
 * @param builtSite a folder the site was built into, to read the baked badges from; without it, the
 *     site is built into a temporary folder first
 * @param lrs a learning record store to send the statements to, after writing them
 */
public record XapiOptions(
    Path out, Optional<LocalDate> since, Optional<Path> builtSite, Optional<Lrs> lrs) {
  public XapiOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(builtSite, "builtSite");
    Objects.requireNonNull(lrs, "lrs");
  }

  /**
   * A learning record store and the Basic credentials it takes.
   *
   * @param endpoint its xAPI endpoint, such as {@code https://lrs.example.org/xapi/}; the
   *     statements go to its {@code statements} resource
   */
  public record Lrs(String endpoint, String user, String password) {
    public Lrs {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    /** Never the password, so the settings can be logged. */
    @Override
    public String toString() {
      return endpoint + " (as " + user + ")";
    }
  }
}
