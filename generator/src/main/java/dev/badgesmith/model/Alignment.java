package dev.badgesmith.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A link from a badge class to a skill or standard in a framework.
 *
 * @param targetType what kind of node the target is, in OB 3.0's {@code AlignmentTargetType} terms
 *     ({@code CFItem} for an item of a CASE framework); empty for an alignment written by hand
 */
public record Alignment(
    String targetName,
    String targetUrl,
    Optional<String> targetDescription,
    Optional<String> targetFramework,
    Optional<String> targetCode,
    Optional<String> targetType) {

  public Alignment {
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(targetUrl, "targetUrl");
    Objects.requireNonNull(targetDescription, "targetDescription");
    Objects.requireNonNull(targetFramework, "targetFramework");
    Objects.requireNonNull(targetCode, "targetCode");
    Objects.requireNonNull(targetType, "targetType");
  }

  /** An alignment written by hand, which names no target type. */
  public Alignment(
      String targetName,
      String targetUrl,
      Optional<String> targetDescription,
      Optional<String> targetFramework,
      Optional<String> targetCode) {
    this(targetName, targetUrl, targetDescription, targetFramework, targetCode, Optional.empty());
  }
}
