package dev.badgesmith.framework;

import static dev.badgesmith.framework.Packages.BASE;
import static dev.badgesmith.framework.Packages.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFrameworksTest {
  private static final SourcePosition AT = new SourcePosition("badges/tester.md", 7, 11);

  private static CasePackage other() {
    String json =
        "{\"CFDocument\": {\"identifier\": \"o\", \"uri\": \"https://o.example/o\", \"title\": \"O\"},"
            + " \"CFItems\": [{\"identifier\": \"o-1\", \"uri\": \"https://o.example/o-1\","
            + " \"fullStatement\": \"Other\"}]}";
    return CasePackageReader.read(json.getBytes(StandardCharsets.UTF_8), "frameworks/a-other.json")
        .framework()
        .orElseThrow();
  }

  private final CaseFrameworks frameworks = new CaseFrameworks(List.of(Packages.skills(), other()));

  @Test
  void findsAnItemInAnyPackage() {
    assertThat(frameworks.packages())
        .extracting(CasePackage::path)
        .containsExactly("frameworks/a-other.json", "frameworks/skills.json");
    CaseFrameworks.Found found = frameworks.find(BASE + UNIT).orElseThrow();
    assertThat(found.framework().path()).isEqualTo("frameworks/skills.json");
    assertThat(found.alignment().targetFramework()).isEqualTo("Guild Software Skills");
    assertThat(frameworks.find("o-1")).map(f -> f.alignment().targetFramework()).contains("O");
  }

  @Test
  void anUnknownIdentifierSuggestsTheClosest() {
    Diagnostics diagnostics = new Diagnostics();
    String typo = UNIT.replace("-4000-", "-4001-");
    assertThat(frameworks.resolve(typo, AT, diagnostics)).isEmpty();
    assertThat(diagnostics.sorted())
        .extracting(Diagnostic::format)
        .containsExactly(
            "badges/tester.md:7:11: error[BSG214]: no CASE item '"
                + typo
                + "' in frameworks/a-other.json, frameworks/skills.json\n"
                + "  hint: did you mean '"
                + UNIT
                + "'?");
  }

  @Test
  void anUnknownUriSuggestsTheClosestUri() {
    assertThat(frameworks.unknown(BASE + UNIT + "x", AT).hint())
        .contains("did you mean '" + BASE + UNIT + "'?");
  }

  @Test
  void aCodeInsteadOfAnIdentifierNamesTheItem() {
    assertThat(frameworks.unknown("GSS.2.1", AT).hint())
        .contains(
            "'GSS.2.1' is the code of the item '"
                + UNIT
                + "': name the item by that identifier or its URI "
                + BASE
                + UNIT);
  }

  @Test
  void nothingCloseNamesThePackages() {
    assertThat(frameworks.unknown("zzz", AT).hint())
        .contains(
            "name a CFItem by its identifier or URI, as written in frameworks/a-other.json,"
                + " frameworks/skills.json");
    assertThat(new CaseFrameworks(List.of()).unknown("zzz", AT).format())
        .isEqualTo(
            "badges/tester.md:7:11: error[BSG214]: no CASE item 'zzz' in this site\n"
                + "  hint: put the framework's CFPackage JSON, as a CASE server exports it, in"
                + " frameworks/");
  }
}
