package dev.badgesmith.framework;

import java.util.Objects;
import java.util.Optional;

/**
 * The Open Badges alignment fields of a CASE item (the OB 2.0 {@code AlignmentObject}, the OB 3.0
 * {@code Alignment}).
 *
 * @param targetName the item's abbreviated statement when it has one, else its full statement
 * @param targetDescription the full statement
 * @param targetCode the item's human coding scheme when it has one, else its identifier (OB 3.0: "a
 *     locally unique string identifier that identifies the alignment target within its framework")
 * @param targetFramework the title of the package's {@code CFDocument}
 * @param targetUrl the item's URI
 * @param targetType always {@code CFItem}, OB 3.0's {@code AlignmentTargetType} for a CASE item
 */
public record CaseAlignment(
    String targetName,
    Optional<String> targetDescription,
    Optional<String> targetCode,
    String targetFramework,
    String targetUrl,
    String targetType) {
  /** The OB 3.0 {@code targetType} of an alignment to a CASE item. */
  public static final String CF_ITEM = "CFItem";

  public CaseAlignment {
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(targetDescription, "targetDescription");
    Objects.requireNonNull(targetCode, "targetCode");
    Objects.requireNonNull(targetFramework, "targetFramework");
    Objects.requireNonNull(targetUrl, "targetUrl");
    Objects.requireNonNull(targetType, "targetType");
  }

  /** The alignment to an item of a framework. */
  public static CaseAlignment of(CaseDocument framework, CaseItem item) {
    return new CaseAlignment(
        item.abbreviatedStatement().orElse(item.fullStatement()),
        Optional.of(item.fullStatement()),
        Optional.of(item.humanCodingScheme().orElse(item.identifier())),
        framework.title(),
        item.uri(),
        CF_ITEM);
  }
}
