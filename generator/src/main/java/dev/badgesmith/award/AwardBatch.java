package dev.badgesmith.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Located;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Writes award files, one or many at once, all or nothing, and checks the site with them as a pull
 * request's check would: when an award has a problem, or the site with the new files has an error
 * in them, no file is kept and the problems are reported. Existing files are never replaced.
 */
public final class AwardBatch {
  private static final YAMLMapper YAML = Jackson.awardYaml();

  private AwardBatch() {}

  /**
   * What a batch did: the files written (relative to the site folder), or the problems, when
   * nothing was written.
   */
  public record Result(List<String> written, List<Diagnostic> problems) {
    public Result {
      written = List.copyOf(written);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * The base of an id for an award that gives none: from the recipient's name, else from a plain
   * identity that is kept (never from one that is to be hashed).
   */
  public static String idBase(AwardDoc doc, boolean hash) {
    RecipientDoc r = doc.recipient();
    String base =
        r.name()
            .map(AwardWriter::slug)
            .filter(s -> !s.isEmpty())
            .orElseGet(
                () ->
                    r.prehashed() || hash
                        ? ""
                        : AwardWriter.slug(AwardWriter.localPart(r.type(), r.identity())));
    return base.isEmpty() ? "award" : base;
  }

  /**
   * Writes the file of one award, then checks the site with {@code check}: when the file has an
   * error, it is removed again and its diagnostics are the result.
   *
   * @param check every diagnostic of the site in a folder
   * @throws BadgesmithException when the badge class does not exist, the id is not a slug, or the
   *     file exists
   */
  public static Result write(
      Path site,
      AwardRequest request,
      SecureRandom random,
      Function<Path, List<Diagnostic>> check) {
    AwardWriter.AwardFile file = AwardWriter.file(site, request, random);
    return keep(
        site,
        Map.of(file.path(), file.text()),
        check,
        after -> {
          List<Diagnostic> own = after.stream().filter(d -> d.path().equals(file.path())).toList();
          return own.stream().anyMatch(Diagnostic::isError) ? own : List.of();
        });
  }

  /**
   * Writes the awards' files, then checks the site with {@code check}: a new error in them removes
   * every new file again, and is reported where its award came from.
   *
   * @param check every diagnostic of the site in a folder
   */
  public static Result write(
      Path site,
      List<NewAward> awards,
      SecureRandom random,
      Function<Path, List<Diagnostic>> check) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, NewAward> planned = plan(site, awards, problems);
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    Set<String> before = errors(check.apply(site));
    Map<String, String> files = new LinkedHashMap<>();
    planned.forEach((path, award) -> files.put(path, yaml(award, random)));
    return keep(
        site,
        files,
        check,
        after -> {
          List<Diagnostic> added = new ArrayList<>();
          for (Diagnostic d : after) {
            if (d.isError() && !before.contains(d.format())) {
              NewAward from = planned.get(d.path());
              added.add(from == null ? d : moved(d, from));
            }
          }
          return added;
        });
  }

  /**
   * The one way award files are written: each new (a file that appeared meanwhile is not replaced
   * either), then the site checked with them; when {@code problemsOf} finds problems in what the
   * check says, every new file is removed again and the problems are the result.
   */
  private static Result keep(
      Path site,
      Map<String, String> files,
      Function<Path, List<Diagnostic>> check,
      UnaryOperator<List<Diagnostic>> problemsOf) {
    List<String> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path file = site.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(
            file, e.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        written.add(e.getKey());
      }
    } catch (FileAlreadyExistsException e) {
      undo(site, written);
      throw new BadgesmithException(e.getFile() + " appeared while writing; nothing was written");
    } catch (IOException e) {
      undo(site, written);
      throw new BadgesmithException("cannot write award files: " + e.getMessage(), e);
    }
    List<Diagnostic> problems = problemsOf.apply(check.apply(site));
    if (!problems.isEmpty()) {
      undo(site, written);
      return new Result(List.of(), problems);
    }
    return new Result(written, List.of());
  }

  /** The file of each award, by path; problems with ids are reported at the award's origin. */
  private static Map<String, NewAward> plan(
      Path site, List<NewAward> awards, List<Diagnostic> problems) {
    Map<String, NewAward> planned = new LinkedHashMap<>();
    Map<String, SourcePosition> given = new HashMap<>();
    Set<String> missingBadges = new HashSet<>();
    for (NewAward a : awards) {
      String badge = a.award().badgeId();
      if (!Files.isRegularFile(site.resolve("badges").resolve(badge + ".md"))) {
        if (missingBadges.add(badge)) {
          problems.add(
              Diagnostic.error(
                  Code.UNKNOWN_BADGE, a.origin(), "no badge class '" + badge + "' in the site"));
        }
        continue;
      }
      if (a.id().isPresent()) {
        Located<String> id = a.id().get();
        String path = path(badge, id.value());
        SourcePosition first = given.putIfAbsent(path, id.at());
        if (first != null) {
          problems.add(
              Diagnostic.error(
                      Code.DUPLICATE_ID,
                      id.at(),
                      "the award id '"
                          + id.value()
                          + "' is also given at "
                          + first.path()
                          + ":"
                          + first.line())
                  .withHint("give each award its own id"));
        } else if (Files.exists(site.resolve(path))) {
          problems.add(
              Diagnostic.error(Code.DUPLICATE_ID, id.at(), path + " exists already")
                  .withHint("an award file is never replaced: choose another id"));
        } else {
          planned.put(path, a);
        }
      }
    }
    for (NewAward a : awards) {
      if (a.id().isEmpty() && !missingBadges.contains(a.award().badgeId())) {
        String base = AwardWriter.SLUG.matcher(a.idBase()).matches() ? a.idBase() : "award";
        String id = base;
        for (int n = 2; taken(site, planned, a.award().badgeId(), id); n++) {
          id = base + "-" + n;
        }
        planned.put(path(a.award().badgeId(), id), a);
      }
    }
    // In the order the awards were given, which is how they are reported.
    Map<NewAward, String> paths = new java.util.IdentityHashMap<>();
    planned.forEach((path, a) -> paths.put(a, path));
    Map<String, NewAward> ordered = new LinkedHashMap<>();
    awards.stream().filter(paths::containsKey).forEach(a -> ordered.put(paths.get(a), a));
    return ordered;
  }

  private static boolean taken(Path site, Map<String, NewAward> planned, String badge, String id) {
    String path = path(badge, id);
    return planned.containsKey(path) || Files.exists(site.resolve(path));
  }

  private static String path(String badge, String id) {
    return "awards/" + badge + "/" + id + ".yaml";
  }

  private static Set<String> errors(List<Diagnostic> diagnostics) {
    Set<String> errors = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        errors.add(d.format());
      }
    }
    return errors;
  }

  /** A problem of a new file, reported where its award came from, since the file is removed. */
  private static Diagnostic moved(Diagnostic d, NewAward from) {
    SourcePosition at = from.origin();
    return new Diagnostic(
        d.severity(),
        d.code(),
        at.path(),
        at.line(),
        at.column(),
        d.message() + " (in the award file " + d.path() + ")",
        d.hint());
  }

  private static void undo(Path site, List<String> written) {
    for (String path : written) {
      try {
        Files.deleteIfExists(site.resolve(path));
      } catch (IOException e) {
        // best effort: the others are still removed
      }
    }
  }

  /** The award as a maintainer would write it by hand. */
  static String yaml(NewAward a, SecureRandom random) {
    AwardDoc doc = a.award();
    RecipientDoc r = doc.recipient();
    Map<String, Object> recipient = new LinkedHashMap<>();
    if (r.prehashed()) {
      recipient.put("hashed", r.identity());
      recipient.put("salt", r.salt().orElseThrow());
      recipient.put("type", r.type());
    } else if (a.hash()) {
      String salt = AwardWriter.randomSalt(random);
      recipient.put("hashed", IdentityHash.hash(r.identity(), salt));
      recipient.put("salt", salt);
      recipient.put("type", r.type());
    } else {
      recipient.put(r.type().equals("id") ? "did" : r.type(), r.identity());
    }
    r.name().ifPresent(n -> recipient.put("name", n));
    Map<String, Object> award = new LinkedHashMap<>();
    award.put("recipient", recipient);
    award.put("issuedOn", doc.issuedOn().value());
    doc.expires().ifPresent(e -> award.put("expires", e.value()));
    doc.narrative().ifPresent(n -> award.put("narrative", n));
    if (!doc.evidence().isEmpty()) {
      award.put("evidence", doc.evidence().stream().map(AwardBatch::evidence).toList());
    }
    doc.revoked()
        .ifPresent(
            revoked -> {
              Map<String, Object> map = new LinkedHashMap<>();
              map.put("reason", revoked.reason());
              revoked.date().ifPresent(date -> map.put("date", date.value()));
              award.put("revoked", map);
            });
    if (r.prehashed() || a.hash()) {
      doc.earner().ifPresent(key -> award.put("earner", key.value()));
    }
    String comment = a.comment().map(c -> "# " + c.replaceAll("[\\r\\n]+", " ") + "\n").orElse("");
    try {
      return comment + YAML.writeValueAsString(award);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of text always serialises", e);
    }
  }

  private static Map<String, Object> evidence(EvidenceDoc e) {
    Map<String, Object> map = new LinkedHashMap<>();
    e.url().ifPresent(v -> map.put("url", v));
    e.name().ifPresent(v -> map.put("name", v));
    e.description().ifPresent(v -> map.put("description", v));
    e.narrative().ifPresent(v -> map.put("narrative", v));
    e.genre().ifPresent(v -> map.put("genre", v));
    e.audience().ifPresent(v -> map.put("audience", v));
    return map;
  }
}
