package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.YamlNode.ScalarType;
import dev.badgesmith.load.YamlNode.YamlList;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlNode.YamlScalar;
import dev.badgesmith.pathway.Requirement;
import dev.badgesmith.pathway.StackRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a badge class's {@code requires:} into its rule (the syntax is described in {@code
 * pathway}'s package documentation): a badge id or a list of them means all of them, and a group
 * {@code {any: N, of: [...]}} stands wherever an id may. Whether the ids exist, and whether the
 * rules of the site can be met, is the validator's question.
 */
final class Requirements {
  private static final String KEY = "requires";

  private Requirements() {}

  /**
   * The rule of badge class {@code badgeId}; empty when it has none or it could not be read.
   *
   * @param d the diagnostics of the badge class's file alone
   */
  static Optional<StackRule> read(String badgeId, MapReader badge, Diagnostics d) {
    Optional<YamlNode> node = badge.node(KEY);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<Requirement> top =
        node.get() instanceof YamlList list
            ? Optional.of(allOf(list, badge, d))
            : part(node.get(), badge, d).map(Requirements::asList);
    // The file's diagnostics: a badge class with any error is left out whole by the loader.
    return d.hasErrors()
        ? Optional.empty()
        : top.map(r -> new StackRule(badgeId, badge.keyAt(KEY), r));
  }

  /** A single id means a list of one, as it always did; a group stands as it is. */
  private static Requirement asList(Requirement part) {
    return part instanceof Requirement.Badge
        ? new Requirement.AllOf(List.of(part), part.at())
        : part;
  }

  private static Requirement allOf(YamlList list, MapReader badge, Diagnostics d) {
    List<Requirement> parts = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlList inner) {
        d.add(
            Diagnostic.error(
                    Code.WRONG_TYPE, inner.at(), "'" + KEY + "' may not hold a list inside a list")
                .withHint("write a group instead: {any: 1, of: [a, b]}"));
      } else {
        part(item, badge, d).ifPresent(parts::add);
      }
    }
    return new Requirement.AllOf(parts, list.at());
  }

  /** One part: a badge id or a group. */
  private static Optional<Requirement> part(YamlNode node, MapReader badge, Diagnostics d) {
    if (node instanceof YamlMap map) {
      return group(map, badge, d);
    }
    return badge.asText(KEY, node).map(id -> new Requirement.Badge(id.value(), id.at()));
  }

  private static Optional<Requirement> group(YamlMap map, MapReader badge, Diagnostics d) {
    Optional<MapReader> read =
        MapReader.of(map, "a requirement group", SiteKeys.REQUIREMENT_GROUP_KEYS, d);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader group = read.get();
    Optional<Integer> count = count(group, d);
    Optional<YamlNode> of = group.node("of");
    if (of.isEmpty()) {
      group.missing("of");
    }
    if (count.isEmpty() || of.isEmpty()) {
      return Optional.empty();
    }
    List<Requirement> parts = new ArrayList<>();
    for (YamlNode item : group.items("of", of.get())) {
      if (item instanceof YamlList inner) {
        d.add(
            Diagnostic.error(Code.WRONG_TYPE, inner.at(), "'of' may not hold a list inside a list")
                .withHint("write a group instead: {any: 1, of: [a, b]}"));
      } else {
        part(item, badge, d).ifPresent(parts::add);
      }
    }
    return Optional.of(new Requirement.AnyOf(count.get(), parts, map.at()));
  }

  /** {@code any}: a whole number; whether it can be met is checked with the site's rules. */
  private static Optional<Integer> count(MapReader group, Diagnostics d) {
    Optional<YamlNode> any = group.node("any");
    if (any.isEmpty()) {
      group.missing("any");
      return Optional.empty();
    }
    if (any.get() instanceof YamlScalar s && s.type() == ScalarType.NUMBER) {
      try {
        return Optional.of(Integer.parseInt(s.text().strip()));
      } catch (NumberFormatException e) {
        // a fraction or a number too large: reported below
      }
    }
    d.add(
        Diagnostic.error(
                Code.WRONG_TYPE,
                any.get().at(),
                "'any' must be a whole number, found " + any.get().kind())
            .withHint("write how many of the listed badges an earner must hold, such as any: 2"));
    return Optional.empty();
  }
}
