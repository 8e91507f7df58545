package dev.badgesmith.pathway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.jackson.Jackson;
import java.util.Objects;

/**
 * A CLR 2.0 {@code Association} between two achievements, identified by their {@code id}s.
 *
 * @param type how the source relates to the target
 * @param sourceId the achievement the statement is about
 * @param targetId the achievement it relates to
 */
public record Association(AssociationType type, String sourceId, String targetId) {
  public Association {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(targetId, "targetId");
  }

  /**
   * The JSON object: {@code type} {@code Association} (the CLR context defines the other terms only
   * inside an object of that type), {@code associationType}, {@code sourceId}, {@code targetId}.
   */
  public ObjectNode toJson() {
    ObjectNode node = Jackson.json().createObjectNode();
    node.put("type", "Association");
    node.put("associationType", type.term());
    node.put("sourceId", sourceId);
    node.put("targetId", targetId);
    return node;
  }
}
