package dev.badgesmith.pathway;

import static dev.badgesmith.pathway.Rules.allOf;
import static dev.badgesmith.pathway.Rules.any;
import static dev.badgesmith.pathway.Rules.anyOf;
import static dev.badgesmith.pathway.Rules.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequirementCheckTest {
  private static final List<String> BADGES =
      List.of("git-basics", "code-review", "code-reviewer", "mentor", "python", "java", "rust");

  private static List<String> formatted(List<String> badges, StackRule... rules) {
    return RequirementCheck.check(badges, List.of(rules)).stream().map(Diagnostic::format).toList();
  }

  @Test
  void acceptsStacksThatCanBeEarned() {
    assertThat(
            RequirementCheck.check(
                BADGES,
                List.of(
                    allOf("mentor", "code-reviewer", "git-basics"),
                    anyOf("code-reviewer", 2, "python", "java", "rust"))))
        .isEmpty();
  }

  @Test
  void namesTheWholeCycleAtTheRequiresOfABadgeOnIt() {
    assertThat(
            formatted(BADGES, allOf("mentor", "code-reviewer"), allOf("code-reviewer", "mentor")))
        .containsExactly(
            "badges/code-reviewer.md:3:1: error[BSG212]: requirement cycle: code-reviewer ->"
                + " mentor -> code-reviewer\n"
                + "  hint: a badge cannot require, even through others, a badge that requires it:"
                + " remove one of these requirements");
  }

  @Test
  void findsACycleThroughAnAnyGroupAndNamesItsShortestPath() {
    // a -> b -> c -> a and a -> c -> a: the shorter is named, once for the component.
    List<String> badges = List.of("a", "b", "c", "d");
    List<Diagnostic> found =
        RequirementCheck.check(
            badges, List.of(allOf("a", "b", "c"), allOf("b", "c"), anyOf("c", 1, "a", "d")));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).isEqualTo("requirement cycle: a -> c -> a");
    assertThat(found.get(0).path()).isEqualTo("badges/a.md");
  }

  @Test
  void reportsEachSeparateCycle() {
    List<String> badges = List.of("a", "b", "x", "y");
    assertThat(
            RequirementCheck.check(
                    badges,
                    List.of(allOf("a", "b"), allOf("b", "a"), allOf("y", "x"), allOf("x", "y")))
                .stream()
                .map(Diagnostic::message))
        .containsExactly("requirement cycle: a -> b -> a", "requirement cycle: x -> y -> x");
  }

  @Test
  void aGroupAskingForMoreThanItNamesCanNeverBeMet() {
    assertThat(formatted(BADGES, anyOf("mentor", 3, "python", "java")))
        .containsExactly(
            "badges/mentor.md:4:5: error[BSG213]: 'any 3 of' names only 2 badges: this"
                + " requirement can never be met\n"
                + "  hint: lower 'any' to at most 2, or name more badges under 'of:'");
  }

  @Test
  void aBadgeNamedTwiceInAGroupCountsOnce() {
    assertThat(formatted(BADGES, anyOf("mentor", 2, "python", "python")))
        .containsExactly(
            "badges/mentor.md:4:5: error[BSG213]: 'any 2 of' names only 1 badge: this"
                + " requirement can never be met\n"
                + "  hint: lower 'any' to at most 1, or name more badges under 'of:'",
            "badges/mentor.md:5:12: warning[BSG203]: 'python' is named twice in this group\n"
                + "  hint: remove the second one; holding a badge counts once");
  }

  @Test
  void anyZeroIsNotAValue() {
    assertThat(RequirementCheck.check(BADGES, List.of(anyOf("mentor", 0, "python"))))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code().id()).isEqualTo("BSG105");
              assertThat(d.message()).isEqualTo("'any: 0' asks for nothing; it must be 1 or more");
            });
  }

  @Test
  void requiringABadgeThatCanNeverBeEarnedCanNeverBeMet() {
    List<String> badges = List.of("a", "b", "broken", "top", "summit");
    assertThat(
            formatted(
                badges,
                anyOf("broken", 3, "a", "b"),
                allOf("top", "a", "broken"),
                allOf("summit", "top")))
        .containsExactly(
            "badges/broken.md:4:5: error[BSG213]: 'any 3 of' names only 2 badges: this"
                + " requirement can never be met\n"
                + "  hint: lower 'any' to at most 2, or name more badges under 'of:'",
            "badges/summit.md:3:1: error[BSG213]: the requirement of 'summit' can never be met:"
                + " 'top' can never be earned\n"
                + "  hint: fix the requirement of 'top', or require other badges",
            "badges/top.md:3:1: error[BSG213]: the requirement of 'top' can never be met:"
                + " 'broken' can never be earned\n"
                + "  hint: fix the requirement of 'broken', or require other badges");
  }

  @Test
  void anAnyGroupWithAnotherWayRoundAnImpossibleBadgeCanBeMet() {
    List<String> badges = List.of("a", "b", "broken", "top");
    List<Diagnostic> found =
        RequirementCheck.check(
            badges, List.of(anyOf("broken", 3, "a", "b"), anyOf("top", 1, "broken", "a")));
    assertThat(found).extracting(Diagnostic::path).containsExactly("badges/broken.md");
  }

  @Test
  void anImpossibleGroupNestedInsideAListIsReportedWhereItIs() {
    Requirement nested =
        new Requirement.AllOf(
            List.of(new Requirement.Badge("python", at("mentor", 3, 12)), any("mentor", 2, "java")),
            at("mentor", 3, 1));
    assertThat(
            RequirementCheck.check(
                BADGES, List.of(new StackRule("mentor", at("mentor", 3, 1), nested))))
        .extracting(Diagnostic::line, Diagnostic::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 5));
  }

  @Test
  void neitherACycleNorAnUnknownIdIsReportedAgainAsUnsatisfiable() {
    List<String> badges = List.of("a", "b", "c", "d");
    assertThat(
            RequirementCheck.check(
                    badges,
                    List.of(allOf("a", "b"), allOf("b", "a"), allOf("c", "a"), allOf("d", "nope")))
                .stream()
                .map(Diagnostic::message))
        .containsExactly("requirement cycle: a -> b -> a", "no badge class 'nope'");
  }

  @Test
  void unknownIdsAndSelfReferenceAreReportedAsTheValidatorDoes() {
    assertThat(formatted(BADGES, allOf("mentor", "mentor", "git-basic", "zzzzzzzzzz")))
        .containsExactly(
            "badges/mentor.md:3:12: error[BSG200]: a badge class cannot require itself",
            "badges/mentor.md:3:15: error[BSG200]: no badge class 'git-basic'\n"
                + "  hint: did you mean 'git-basics'?",
            "badges/mentor.md:3:18: error[BSG200]: no badge class 'zzzzzzzzzz'\n"
                + "  hint: create badges/zzzzzzzzzz.md, or use one of: git-basics, code-review,"
                + " code-reviewer, mentor, python, java, rust");
  }

  @Test
  void theOrderOfTheRulesDoesNotMatter() {
    List<StackRule> rules =
        new ArrayList<>(
            List.of(
                allOf("a", "b"),
                allOf("b", "a"),
                anyOf("c", 5, "a", "b"),
                allOf("d", "c", "e"),
                allOf("f", "zz")));
    List<String> badges = List.of("a", "b", "c", "d", "e", "f");
    List<Diagnostic> first = RequirementCheck.check(badges, rules);
    Random random = new Random(18);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(rules, random);
      assertThat(RequirementCheck.check(badges, rules)).isEqualTo(first);
    }
    assertThat(first).isSortedAccordingTo(Diagnostic.ORDER);
  }

  @Test
  void aLongChainIsCheckedWithoutRecursion() {
    List<String> badges = new ArrayList<>();
    List<StackRule> rules = new ArrayList<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      badges.add("b" + i);
      if (i > 0) {
        rules.add(allOf("b" + i, "b" + (i - 1)));
      }
    }
    rules.add(allOf("b0", "b" + (n - 1)));
    List<Diagnostic> found = RequirementCheck.check(badges, rules);
    assertThat(found).singleElement().satisfies(d -> assertThat(d.code().id()).isEqualTo("BSG212"));
    assertThat(found.get(0).message()).startsWith("requirement cycle: b0 -> b19999 -> b19998");
  }

  @Test
  void aPlainListMeansAllOf() {
    StackRule rule = allOf("mentor", "python", "java");
    assertThat(rule.requirement()).isInstanceOf(Requirement.AllOf.class);
    assertThat(rule.requirement().isMetBy(id -> id.equals("python"))).isFalse();
    assertThat(rule.requirement().isMetBy(id -> true)).isTrue();
    assertThat(rule.requirement().badgeIds()).containsExactly("python", "java");
    assertThat(Optional.of(rule.requiresAt())).contains(at("mentor", 3, 1));
  }
}
