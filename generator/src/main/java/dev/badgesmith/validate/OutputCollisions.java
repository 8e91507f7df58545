package dev.badgesmith.validate;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The files of static/ that would land where the generator writes. */
final class OutputCollisions {
  /** Output folders the generator owns; files in static/ may not land in them. */
  private static final List<String> GENERATED =
      List.of(
          "issuers/",
          "badges/",
          "achievements/",
          "assertions/",
          "credentials/",
          "keys/",
          "status/",
          "assets/",
          "earners/",
          "tags/",
          "skills/",
          "recognition/",
          "endorsements/",
          ".well-known/");

  private static final Set<String> GENERATED_FILES =
      Set.of(
          "index.html",
          "manifest.json",
          "404.html",
          "did.json",
          ".nojekyll",
          "revocations.json",
          "sitemap.xml",
          "robots.txt",
          "feed.xml",
          "schemas/skills-index.schema.json",
          "recognition.json",
          "schemas/recognition.schema.json");

  private OutputCollisions() {}

  static void check(List<SourceFile> staticFiles, Diagnostics d) {
    for (SourceFile f : staticFiles) {
      String out = f.path().substring("static/".length());
      Optional<String> owner =
          GENERATED_FILES.contains(out)
              ? Optional.of(out)
              : GENERATED.stream().filter(out::startsWith).findFirst();
      if (owner.isPresent()) {
        d.add(
            Diagnostic.error(
                    Code.OUTPUT_COLLISION,
                    SourcePosition.startOf(f.path()),
                    "static file would overwrite the generated " + out)
                .withHint(owner.get() + " belongs to the generator; put the file elsewhere"));
      }
    }
  }
}
