package dev.badgesmith.framework;

import dev.badgesmith.diag.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code CFAssociation}: {@code origin associationType destination}, as in "item A isChildOf
 * item B" (A is the origin).
 *
 * @param associationType {@code isChildOf}, {@code isPeerOf}, {@code precedes}... or an {@code
 *     ext:} extension
 * @param origin the node the statement is about
 * @param destination the node it relates to
 * @param sequenceNumber the order among the destination's children, when given
 * @param at where its object starts in the package file
 */
public record CaseAssociation(
    String associationType,
    Node origin,
    Node destination,
    Optional<Integer> sequenceNumber,
    SourcePosition at) {
  public CaseAssociation {
    Objects.requireNonNull(associationType, "associationType");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    Objects.requireNonNull(at, "at");
  }

  /** The hierarchy's association type: the origin is a child of the destination. */
  public static final String IS_CHILD_OF = "isChildOf";

  /**
   * A CASE {@code LinkGenURI}: a reference to an item, a document, or a node in another framework.
   */
  public record Node(String identifier, String uri, Optional<String> title) {
    public Node {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(title, "title");
    }
  }
}
