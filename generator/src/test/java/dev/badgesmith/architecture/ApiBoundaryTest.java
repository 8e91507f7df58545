package dev.badgesmith.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line is an adapter of the API: it uses the root package (the facade, its requests and
 * results) and {@code diag}, never a package behind them, which may then change freely. Every
 * package behind the facade says it is internal. The rules read the compiled classes, so a fully
 * qualified name counts as an import.
 */
class ApiBoundaryTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.badgesmith");

  /** The API: the root package and {@code diag}. */
  private static final List<String> API = List.of("dev.badgesmith", "dev.badgesmith.diag");

  /** A class of Badgesmith outside the API and outside {@code allowed}. */
  static DescribedPredicate<JavaClass> internalBut(String allowed) {
    return DescribedPredicate.describe(
        "reside behind the facade",
        c ->
            c.getPackageName().startsWith("dev.badgesmith.")
                && !API.contains(c.getPackageName())
                && !c.getPackageName().equals(allowed));
  }

  @Test
  void theCommandLineUsesOnlyTheApi() {
    assertThat(MAIN.stream().filter(c -> c.getPackageName().equals("dev.badgesmith.cli")))
        .as("the command line's classes were read")
        .isNotEmpty();
    noClasses()
        .that()
        .resideInAPackage("dev.badgesmith.cli")
        .should()
        .dependOnClassesThat(internalBut("dev.badgesmith.cli"))
        .check(MAIN);
  }

  @Test
  void everyPackageBehindTheFacadeSaysItIsInternal() throws IOException {
    Path root = Path.of("src/main/java/dev/badgesmith");
    try (Stream<Path> folders = Files.walk(root)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        Path info = folder.resolve("package-info.java");
        assertThat(info).as("the package-info of %s", folder).exists();
        String doc = Files.readString(info);
        if (folder.equals(root) || folder.equals(root.resolve("diag"))) {
          assertThat(doc).as(info.toString()).doesNotContain("Internal:").contains("API");
        } else {
          assertThat(doc).as(info.toString()).startsWith("/**\n * Internal: not an API");
        }
      }
    }
  }
}
