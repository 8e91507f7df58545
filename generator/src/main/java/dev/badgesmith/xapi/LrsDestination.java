package dev.badgesmith.xapi;

import java.util.Objects;

/**
 * A learning record store and the Basic credentials it takes.
 *
 * @param endpoint the LRS's xAPI endpoint, such as {@code https://lrs.example.org/xapi/}; its
 *     {@code statements} resource is what is sent to (an endpoint that already ends in {@code
 *     /statements} is taken as that resource)
 */
public record LrsDestination(String endpoint, String user, String password) {
  public LrsDestination {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The statements resource. */
  public String statements() {
    String trimmed = endpoint.strip();
    if (trimmed.endsWith("/statements")) {
      return trimmed;
    }
    return trimmed + (trimmed.endsWith("/") ? "" : "/") + "statements";
  }

  /** Never the password, so a destination can be logged. */
  @Override
  public String toString() {
    return endpoint + " (as " + user + ")";
  }
}
