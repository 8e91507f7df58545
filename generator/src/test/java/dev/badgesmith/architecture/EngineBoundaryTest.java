package dev.badgesmith.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each third-party engine is used by one package only (design §6), and Jackson is configured in one
 * class. The rules read the compiled classes, so a fully qualified name counts as an import.
 */
class EngineBoundaryTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.badgesmith");

  private static void onlyIn(String ours, String... engines) {
    for (String engine : engines) {
      assertThat(
              MAIN.stream()
                  .anyMatch(
                      c ->
                          c.getDirectDependenciesFromSelf().stream()
                              .anyMatch(
                                  d -> d.getTargetClass().getPackageName().startsWith(engine))))
          .as("some class uses %s, so the rule below can fail", engine)
          .isTrue();
      noClasses()
          .that()
          .resideOutsideOfPackage(ours)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(engine + "..")
          .check(MAIN);
    }
  }

  @Test
  void onlyThePagesPackageUsesFreemarker() {
    onlyIn("dev.badgesmith.pages", "freemarker");
  }

  @Test
  void onlyTheMarkdownPackageUsesCommonmark() {
    onlyIn("dev.badgesmith.markdown", "org.commonmark");
  }

  @Test
  void onlyTheLdPackageUsesTitaniumAndJakartaJson() {
    onlyIn("dev.badgesmith.ld", "com.apicatalog", "jakarta.json");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.parsson..")
        .check(MAIN);
  }

  @Test
  void onlyTheImagesPackageUsesBatik() {
    onlyIn("dev.badgesmith.images", "org.apache.batik");
    for (String batik : List.of("org.apache.xmlgraphics..", "org.w3c.dom.svg..")) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.badgesmith.images")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(batik)
          .check(MAIN);
    }
  }

  @Test
  void onlyTheSignPackageUsesNimbusOrTink() {
    onlyIn("dev.badgesmith.sign", "com.nimbusds");
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.badgesmith.sign")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.crypto.tink..")
        .check(MAIN);
  }

  @Test
  void onlyTheCertificatePackageUsesPdfboxOrZxing() {
    onlyIn(
        "dev.badgesmith.certificate",
        "org.apache.pdfbox",
        "org.apache.xmpbox",
        "org.apache.fontbox");
    onlyIn("dev.badgesmith.certificate", "com.google.zxing");
  }

  @Test
  void onlyTheVerifyPackageMakesHttpRequests() {
    // one HTTP client configuration (deadlines, size limits, redirects, private addresses):
    // verify.HttpResolver, which fetching, the doctor and sending to an LRS all go through
    onlyIn("dev.badgesmith.verify", "java.net.http");
  }

  @Test
  void jacksonIsConfiguredInOneClass() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.badgesmith.jackson")
            .should()
            .callCodeUnitWhere(
                describe(
                    "a constructor or builder of a Jackson mapper or factory",
                    (JavaCall<?> call) -> makesAMapper(call.getTargetOwner(), call.getName())));
    rule.check(MAIN);
  }

  @Test
  void sha256IsComputedInOneClass() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.badgesmith.hash")
        .should()
        .callMethod(java.security.MessageDigest.class, "getInstance", String.class)
        .check(MAIN);
  }

  @Test
  void xmlParsersAreMadeSafeInOneClass() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.badgesmith.xml")
            .should()
            .callCodeUnitWhere(
                describe(
                    "a factory method of a JDK XML parser",
                    (JavaCall<?> call) ->
                        call.getTargetOwner().getPackageName().startsWith("javax.xml.")
                            && call.getTargetOwner().getSimpleName().endsWith("Factory")
                            && call.getName().startsWith("new")));
    rule.check(MAIN);
  }

  private static boolean makesAMapper(JavaClass owner, String name) {
    boolean engine =
        owner.isAssignableTo(ObjectMapper.class) || owner.isAssignableTo(JsonFactory.class);
    return engine && (name.equals("<init>") || name.equals("builder"));
  }
}
