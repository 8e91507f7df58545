package dev.badgesmith.pathway;

import static dev.badgesmith.pathway.Rules.allOf;
import static dev.badgesmith.pathway.Rules.any;
import static dev.badgesmith.pathway.Rules.anyOf;
import static dev.badgesmith.pathway.Rules.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EligibilityFinderTest {
  private static final EarnerKey ADA = new EarnerKey("email:ada@example.org");
  private static final EarnerKey BOB = new EarnerKey("email:bob@example.org");
  private static final EarnerKey CY = new EarnerKey("url:https://cy.example/");

  private static LiveAward award(EarnerKey who, String badge, String id) {
    return new LiveAward(who, badge, id);
  }

  @Test
  void findsEarnersWhoHoldEverythingAStackRequires() {
    List<LiveAward> live =
        List.of(
            award(ADA, "git", "ada"),
            award(ADA, "review", "ada"),
            award(BOB, "git", "bob"),
            award(CY, "git", "cy"),
            award(CY, "review", "cy"),
            award(CY, "mentor", "cy"));
    assertThat(EligibilityFinder.find(List.of(allOf("mentor", "git", "review")), live))
        .containsExactly(
            new Eligibility(
                "mentor", ADA, List.of(award(ADA, "git", "ada"), award(ADA, "review", "ada"))));
  }

  @Test
  void anAnyGroupQualifiesWithEveryPartHeld() {
    List<LiveAward> live =
        List.of(
            award(ADA, "rust", "ada"),
            award(ADA, "python", "ada"),
            award(ADA, "java", "ada"),
            award(BOB, "java", "bob"));
    assertThat(
            EligibilityFinder.find(List.of(anyOf("polyglot", 2, "python", "java", "rust")), live))
        .containsExactly(
            new Eligibility(
                "polyglot",
                ADA,
                List.of(
                    award(ADA, "python", "ada"),
                    award(ADA, "java", "ada"),
                    award(ADA, "rust", "ada"))));
  }

  @Test
  void aNestedGroupContributesOnlyWhenMet() {
    Requirement rule =
        new Requirement.AllOf(
            List.of(
                new Requirement.Badge("git", at("lead", 3, 12)),
                new Requirement.AnyOf(
                    1,
                    List.of(
                        any("lead", 2, "talk", "workshop"),
                        new Requirement.Badge("book", at("lead", 6, 9))),
                    at("lead", 4, 5))),
            at("lead", 3, 1));
    StackRule lead = new StackRule("lead", at("lead", 3, 1), rule);
    List<LiveAward> live =
        List.of(award(ADA, "git", "a1"), award(ADA, "talk", "a2"), award(ADA, "book", "a3"));
    assertThat(EligibilityFinder.find(List.of(lead), live))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.qualifying())
                    .containsExactly(award(ADA, "git", "a1"), award(ADA, "book", "a3")));
  }

  @Test
  void theFirstAwardByIdQualifiesWhenAnEarnerHoldsABadgeTwice() {
    List<LiveAward> live =
        List.of(award(ADA, "git", "ada-2"), award(ADA, "git", "ada"), award(ADA, "review", "x"));
    assertThat(EligibilityFinder.find(List.of(allOf("mentor", "git", "review")), live))
        .singleElement()
        .satisfies(e -> assertThat(e.qualifying()).first().isEqualTo(award(ADA, "git", "ada")));
  }

  @Test
  void onlyAwardsCountNotOtherEligibilities() {
    List<LiveAward> live = List.of(award(ADA, "git", "a"), award(ADA, "review", "b"));
    List<StackRule> rules = List.of(allOf("mentor", "git", "review"), allOf("lead", "mentor"));
    assertThat(EligibilityFinder.find(rules, live))
        .extracting(Eligibility::badgeId)
        .containsExactly("mentor");
  }

  @Test
  void oneBadgeCanBeAskedFor() {
    List<LiveAward> live = List.of(award(ADA, "git", "a"), award(ADA, "review", "b"));
    List<StackRule> rules = List.of(allOf("mentor", "git", "review"), allOf("reviewer", "review"));
    assertThat(EligibilityFinder.find(rules, live, "reviewer"))
        .extracting(Eligibility::badgeId)
        .containsExactly("reviewer");
    assertThat(EligibilityFinder.find(rules, live, "git")).isEmpty();
  }

  @Test
  void theResultIsOrderedByBadgeThenEarnerWhateverTheInputOrder() {
    List<LiveAward> live = new ArrayList<>();
    for (EarnerKey who : List.of(CY, BOB, ADA)) {
      live.add(award(who, "git", who.value()));
      live.add(award(who, "review", who.value()));
    }
    List<StackRule> rules =
        new ArrayList<>(List.of(allOf("reviewer", "review"), allOf("mentor", "git", "review")));
    List<Eligibility> first = EligibilityFinder.find(rules, live);
    assertThat(first)
        .extracting(e -> e.badgeId() + " " + e.earner())
        .containsExactly(
            "mentor email:ada@example.org",
            "mentor email:bob@example.org",
            "mentor url:https://cy.example/",
            "reviewer email:ada@example.org",
            "reviewer email:bob@example.org",
            "reviewer url:https://cy.example/");
    Random random = new Random(7);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(live, random);
      Collections.shuffle(rules, random);
      assertThat(EligibilityFinder.find(rules, live)).isEqualTo(first);
    }
  }

  @Test
  void awardsToOnePersonWrittenDifferentlyMatch() {
    EarnerKey one = EarnerKey.plain("email", " Ada@Example.ORG ").orElseThrow();
    EarnerKey two = EarnerKey.plain("email", "ada@example.org").orElseThrow();
    List<LiveAward> live = List.of(award(one, "git", "a"), award(two, "review", "b"));
    assertThat(EligibilityFinder.find(List.of(allOf("mentor", "git", "review")), live))
        .singleElement()
        .satisfies(e -> assertThat(e.earner()).isEqualTo(two));
  }
}
