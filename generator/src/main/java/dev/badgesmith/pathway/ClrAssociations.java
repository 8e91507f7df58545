package dev.badgesmith.pathway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.badgesmith.jackson.Jackson;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The structure of stack badges in the Comprehensive Learner Record 2.0's own terms. For each badge
 * {@code c} that the requirement of a stack badge {@code s} names:
 *
 * <ul>
 *   <li>{@code s isParentOf c} and {@code c isChildOf s}: the hierarchy, both ways, so a reader
 *       starting from either achievement finds it (the 1EdTech CLR examples state it from the
 *       parent, {@code isParentOf});
 *   <li>{@code c precedes s}, only when every earner of {@code s} must hold {@code c} (it is named
 *       outside any "any N of" group, or in a group that asks for all it names): a prerequisite. A
 *       badge in an "any N of" group is one way among others, so it is a child but not a
 *       prerequisite.
 * </ul>
 *
 * <p>CLR 2.0 has no term for "any N of": the number belongs in the stack badge's criteria, which
 * say it in words. Unknown ids and self-references are left out (they are errors of {@link
 * RequirementCheck}).
 */
public final class ClrAssociations {
  private ClrAssociations() {}

  /**
   * The associations of every stack badge, by stack badge id, then in the order its requirement
   * names the badges; each once.
   *
   * @param achievementId the {@code id} of a badge's OB 3.0 Achievement, by badge id
   * @param known whether a badge id is a badge class of the site
   */
  public static List<Association> of(
      Collection<StackRule> rules,
      Function<String, String> achievementId,
      Predicate<String> known) {
    Map<String, StackRule> byBadge = new TreeMap<>();
    rules.forEach(r -> byBadge.put(r.badgeId(), r));
    Set<Association> out = new LinkedHashSet<>();
    for (StackRule rule : byBadge.values()) {
      String parent = achievementId.apply(rule.badgeId());
      Set<String> mandatory = new LinkedHashSet<>();
      mandatory(rule.requirement(), mandatory);
      for (String id : rule.requirement().badgeIds()) {
        if (id.equals(rule.badgeId()) || !known.test(id)) {
          continue;
        }
        String child = achievementId.apply(id);
        out.add(new Association(AssociationType.IS_PARENT_OF, parent, child));
        out.add(new Association(AssociationType.IS_CHILD_OF, child, parent));
        if (mandatory.contains(id)) {
          out.add(new Association(AssociationType.PRECEDES, child, parent));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The associations as the JSON array a {@code ClrSubject}'s {@code association} holds. */
  public static ArrayNode toJson(List<Association> associations) {
    ArrayNode array = Jackson.json().createArrayNode();
    associations.forEach(a -> array.add(a.toJson()));
    return array;
  }

  /** The badges named outside any "any N of" group: every earner must hold them. */
  private static void mandatory(Requirement r, Set<String> into) {
    if (r instanceof Requirement.Badge b) {
      into.add(b.id());
    } else if (r instanceof Requirement.AllOf
        || (r instanceof Requirement.AnyOf any && any.count() >= any.distinctParts())) {
      // "any 2 of" two badges asks for both.
      r.parts().forEach(p -> mandatory(p, into));
    }
  }
}
