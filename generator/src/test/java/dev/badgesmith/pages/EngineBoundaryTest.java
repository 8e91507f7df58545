package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each third-party engine is imported by one package only (design §6). */
class EngineBoundaryTest {
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void onlyThePagesPackageImportsFreemarker() throws IOException {
    assertThat(importersOf("freemarker."))
        .allMatch(file -> file.startsWith("dev/badgesmith/pages/"));
  }

  @Test
  void onlyTheMarkdownPackageImportsCommonmark() throws IOException {
    assertThat(importersOf("org.commonmark."))
        .allMatch(file -> file.startsWith("dev/badgesmith/markdown/"));
  }

  @Test
  void onlyTheLdPackageImportsTitaniumAndJakartaJson() throws IOException {
    assertThat(importersOf("com.apicatalog."))
        .allMatch(file -> file.startsWith("dev/badgesmith/ld/"));
    assertThat(importersOf("jakarta.json")).allMatch(file -> file.startsWith("dev/badgesmith/ld/"));
    assertThat(importersOf("org.eclipse.parsson.")).isEmpty();
  }

  @Test
  void onlyTheImagesPackageImportsBatik() throws IOException {
    for (String batik :
        List.of("org.apache.batik.", "org.apache.xmlgraphics.", "org.w3c.dom.svg.")) {
      assertThat(importersOf(batik))
          .as(batik)
          .allMatch(file -> file.startsWith("dev/badgesmith/images/"));
    }
    assertThat(importersOf("org.apache.batik."))
        .as("the check finds Batik's importer")
        .isNotEmpty();
  }

  @Test
  void onlyTheSignPackageImportsNimbusOrTink() throws IOException {
    assertThat(importersOf("com.nimbusds."))
        .isNotEmpty()
        .allMatch(file -> file.startsWith("dev/badgesmith/sign/"));
    assertThat(importersOf("com.google.crypto.tink."))
        .allMatch(file -> file.startsWith("dev/badgesmith/sign/"));
  }

  private static List<String> importersOf(String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> imports(f, prefix))
          .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static boolean imports(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              line ->
                  line.startsWith("import " + prefix)
                      || line.startsWith("import static " + prefix));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
