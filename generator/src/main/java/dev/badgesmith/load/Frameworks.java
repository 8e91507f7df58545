package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.framework.CasePackage;
import dev.badgesmith.framework.CasePackageReader;
import dev.badgesmith.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The CASE packages of {@code frameworks/}, each read with positions for its diagnostics. */
final class Frameworks {
  private Frameworks() {}

  static List<CasePackage> load(List<SourceFile> files, Diagnostics diagnostics) {
    List<CasePackage> packages = new ArrayList<>();
    for (SourceFile f : files) {
      try (InputStream in = Files.newInputStream(f.file())) {
        CasePackageReader.Result read = CasePackageReader.read(in, f.path());
        diagnostics.addAll(read.diagnostics());
        read.framework().ifPresent(packages::add);
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                Code.UNREADABLE_FILE,
                SourcePosition.startOf(f.path()),
                "cannot read the file: " + e.getMessage()));
      }
    }
    return packages;
  }
}
