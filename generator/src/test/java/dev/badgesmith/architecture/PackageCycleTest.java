package dev.badgesmith.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package of the generator depends on itself through others: each can be read, tested and
 * changed knowing only the packages below it. The classes are read as compiled, so fully qualified
 * names and lambdas count as much as imports.
 */
class PackageCycleTest {
  private static final String ROOT = "dev.badgesmith";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  /** Each package is a slice of its own, the root (the API) included. */
  private static final SliceAssignment PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String name = javaClass.getPackageName();
          return name.equals(ROOT) || name.startsWith(ROOT + ".")
              ? SliceIdentifier.of(name)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the generator's packages";
        }
      };

  @Test
  void theGeneratorsPackagesFormNoCycle() {
    assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct().count())
        .as("the classes are found")
        .isGreaterThan(20);
    EvaluationResult result =
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().evaluate(MAIN);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }
}
