package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/** A link from a badge class to a skill or standard in a framework. */
public record Alignment(
    String targetName,
    String targetUrl,
    Optional<String> targetDescription,
    Optional<String> targetFramework,
    Optional<String> targetCode) {

  public Alignment {
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(targetUrl, "targetUrl");
    Objects.requireNonNull(targetDescription, "targetDescription");
    Objects.requireNonNull(targetFramework, "targetFramework");
    Objects.requireNonNull(targetCode, "targetCode");
  }
}
