package dev.badgesmith.pages;

import dev.badgesmith.pathway.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stack badge's rule in words, for its criteria page: "Earned by holding Mentor and any 1 of Talk
 * or Workshop." A rule that is all of a list says nothing more than the list itself, so it has no
 * sentence.
 */
final class RequirementWords {
  private RequirementWords() {}

  /**
   * The sentence, when the rule has a group.
   *
   * @param names a badge class's name by its id
   */
  static Optional<String> sentence(
      Optional<Requirement> requirement, Function<String, String> names, Messages words) {
    return requirement
        .filter(RequirementWords::hasGroup)
        .map(r -> words.text("requirement.sentence", phrase(r, names, words, true)));
  }

  /** What the rule asks for, whatever its shape: "Intro and any 1 of Talk or Workshop". */
  static Optional<String> phrase(
      Optional<Requirement> requirement, Function<String, String> names, Messages words) {
    return requirement.map(r -> phrase(r, names, words, true));
  }

  private static boolean hasGroup(Requirement r) {
    return r instanceof Requirement.AnyOf
        || r.parts().stream().anyMatch(RequirementWords::hasGroup);
  }

  private static String phrase(
      Requirement r, Function<String, String> names, Messages words, boolean top) {
    if (r instanceof Requirement.Badge b) {
      return names.apply(b.id());
    }
    List<String> parts = r.parts().stream().map(p -> phrase(p, names, words, false)).toList();
    if (r instanceof Requirement.AnyOf any) {
      return words.text("requirement.anyOf", any.count(), Lists.or(parts, words));
    }
    // A list inside a group reads as one part: "any 1 of (A and B) or C".
    String all = Lists.and(parts, words);
    return top || parts.size() < 2 ? all : words.text("requirement.group", all);
  }
}
