package dev.badgesmith.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The goals are adapters of the generator's API: they use its root package (the facade, its
 * requests and results) and {@code diag}, never a package behind them. The rule reads the compiled
 * classes, so a fully qualified name counts as an import.
 */
class ApiBoundaryTest {
  private static final JavaClasses GOALS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.badgesmith.maven");

  private static final List<String> ALLOWED =
      List.of("dev.badgesmith", "dev.badgesmith.diag", "dev.badgesmith.maven");

  @Test
  void theGoalsUseOnlyTheApi() {
    assertThat(GOALS.stream().filter(c -> c.getPackageName().equals("dev.badgesmith.maven")))
        .as("the goals' classes were read")
        .isNotEmpty();
    noClasses()
        .that()
        .resideInAPackage("dev.badgesmith.maven")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "reside behind the facade",
                (JavaClass c) ->
                    c.getPackageName().startsWith("dev.badgesmith.")
                        && !ALLOWED.contains(c.getPackageName())))
        .check(GOALS);
  }
}
