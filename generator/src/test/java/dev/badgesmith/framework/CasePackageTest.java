package dev.badgesmith.framework;

import static dev.badgesmith.framework.Packages.BASE;
import static dev.badgesmith.framework.Packages.PROGRAMMING;
import static dev.badgesmith.framework.Packages.PROPERTY;
import static dev.badgesmith.framework.Packages.REVIEW;
import static dev.badgesmith.framework.Packages.TESTING;
import static dev.badgesmith.framework.Packages.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.SourcePosition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CasePackageTest {
  private final CasePackage skills = Packages.skills();

  @Test
  void readsTheDocumentItemsAndAssociationsWithTheirPositions() {
    assertThat(skills.document().title()).isEqualTo("Guild Software Skills");
    assertThat(skills.document().creator()).contains("The Guild");
    assertThat(skills.document().version()).contains("1.0");
    assertThat(skills.document().at())
        .isEqualTo(new SourcePosition("frameworks/skills.json", 2, 17));
    assertThat(skills.items()).hasSize(5);
    CaseItem unit = skills.items().get(3);
    assertThat(unit.identifier()).isEqualTo(UNIT);
    assertThat(unit.abbreviatedStatement()).contains("Unit tests");
    assertThat(unit.itemType()).contains("Competency");
    assertThat(unit.at()).isEqualTo(new SourcePosition("frameworks/skills.json", 13, 5));
    assertThat(skills.associations()).hasSize(6);
    assertThat(skills.associations().get(0).sequenceNumber()).contains(3);
    assertThat(skills.associations().get(3).sequenceNumber()).isEmpty();
  }

  @Test
  void findsAnItemByIdentifierOrUri() {
    assertThat(skills.item(UNIT)).map(CaseItem::identifier).contains(UNIT);
    assertThat(skills.item(BASE + UNIT)).map(CaseItem::identifier).contains(UNIT);
    assertThat(skills.item("GSS.2.1")).isEmpty();
  }

  @Test
  void theHierarchyFollowsIsChildOfInThePublishersOrder() {
    assertThat(skills.roots())
        .extracting(CaseItem::identifier)
        .containsExactly(PROGRAMMING, TESTING, REVIEW);
    CaseItem testing = skills.item(TESTING).orElseThrow();
    // No sequence numbers: ordered by code, GSS.2.1 before GSS.2.2.
    assertThat(skills.children(testing))
        .extracting(CaseItem::identifier)
        .containsExactly(UNIT, PROPERTY);
    assertThat(skills.children(skills.item(UNIT).orElseThrow())).isEmpty();
    assertThat(skills.parents(skills.item(PROPERTY).orElseThrow()))
        .extracting(CaseItem::identifier)
        .containsExactly(TESTING);
    // isRelatedTo is not the hierarchy.
    assertThat(skills.parents(skills.item(REVIEW).orElseThrow())).isEmpty();
  }

  @Test
  void givesTheOpenBadgesAlignmentFields() {
    assertThat(skills.alignment(skills.item(UNIT).orElseThrow()))
        .isEqualTo(
            new CaseAlignment(
                "Unit tests",
                Optional.of("Writes unit tests that fail for one reason each."),
                Optional.of("GSS.2.1"),
                "Guild Software Skills",
                BASE + UNIT,
                "CFItem"));
    CaseAlignment review = skills.alignment(skills.item(REVIEW).orElseThrow());
    assertThat(review.targetName()).isEqualTo("Reviews code with care.");
    assertThat(review.targetCode()).contains("GSS.10");
  }

  @Test
  void codesSortAsNumbers() {
    assertThat(CasePackage.natural("GSS.2", "GSS.10")).isNegative();
    assertThat(CasePackage.natural("GSS.10", "GSS.2")).isPositive();
    assertThat(CasePackage.natural("GSS.2.1", "GSS.2.1")).isZero();
    assertThat(CasePackage.natural("a", "b")).isNegative();
    assertThat(CasePackage.natural("GSS.2", "GSS.2.1")).isNegative();
  }
}
