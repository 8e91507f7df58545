package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import dev.badgesmith.pathway.EarnerKey;
import dev.badgesmith.pathway.Identities;
import dev.badgesmith.render.Credentials;
import dev.badgesmith.render.LearnerRecords;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facade's {@code transcript}: the learner record of any recipient, built as the build builds a
 * public earner's ({@link LearnerRecords}) and written to a file of the maintainer's choosing,
 * never into the site or a built site. The recipient's awards are found by the rules of {@code
 * eligible}: their plain identity normalised ({@link EarnerKey}), the keyed earner key stored
 * beside a hashed one, or, for a hashed award without one, its salted hash recomputed from the
 * identity given.
 */
final class Transcripts {
  private final Pipeline pipeline;
  private final Optional<String> siteSecret;

  Transcripts(Pipeline pipeline, Optional<String> siteSecret) {
    this.pipeline = pipeline;
    this.siteSecret = siteSecret.filter(s -> !s.isEmpty());
  }

  TranscriptResult write(Path siteDir, TranscriptRequest request) {
    String type = typeOf(request.recipient());
    EarnerKey wanted =
        EarnerKey.plain(type, request.recipient())
            .orElseThrow(
                () ->
                    new BadgesmithException(
                        "'" + request.recipient() + "' is not a " + type + " an award could name"));
    CheckedFiles checked = pipeline.checkEveryFile(siteDir);
    checkOut(checked.root(), request.out());
    if (checked.site().isEmpty() || checked.report().hasErrors()) {
      return new TranscriptResult(checked.report(), Optional.empty(), List.of(), List.of());
    }
    Site site = checked.site().get();
    Credentials credentials =
        pipeline
            .credentials(checked.root(), site)
            .orElseThrow(
                () ->
                    new BadgesmithException(
                        "the site has no signing section: a learner record is a signed"
                            + " credential, so the site must sign its Open Badges 3.0"
                            + " credentials (see the README, Signing)"));
    Map<String, AwardDoc> docs = new HashMap<>();
    checked.doc().awards().forEach(d -> docs.put(d.badgeId() + "/" + d.id(), d));
    List<Award> held = new ArrayList<>();
    List<String> revoked = new ArrayList<>();
    for (Award award : site.awards()) {
      String id = award.badgeId() + "/" + award.id();
      if (matches(award, docs.get(id), type, wanted, request.recipient())) {
        if (award.revoked()) {
          revoked.add(id);
        } else {
          held.add(award);
        }
      }
    }
    if (held.isEmpty()) {
      throw new BadgesmithException(
          "no award"
              + (revoked.isEmpty() ? "" : " that is not revoked")
              + " names "
              + request.recipient()
              + "; check its spelling (a hashed award without a stored earner key matches only"
              + " the identity it was hashed from)");
    }
    StatusIndexes indexes =
        checked
            .indexes()
            .orElseGet(() -> StatusIndexes.derived(site.awards(), site.endorsements().given()));
    boolean jwt = request.out().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jwt");
    if (jwt && credentials.jwt().isEmpty()) {
      throw new BadgesmithException(
          "the site signs no VC-JWTs (signing.jwt): write the JSON form (a file not ending in"
              + " .jwt)");
    }
    Optional<String> publicId =
        held.stream().flatMap(a -> a.recipient().publicId().stream()).findFirst();
    LearnerRecords.Record record =
        LearnerRecords.transcript(site, credentials, indexes, held, publicId);
    try {
      Path parent = request.out().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFile.write(request.out(), jwt ? record.jwt().orElseThrow() : record.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> names =
        held.stream()
            .sorted(LearnerRecords.OLDEST_FIRST)
            .map(a -> a.badgeId() + "/" + a.id())
            .toList();
    return new TranscriptResult(checked.report(), Optional.of(request.out()), names, revoked);
  }

  /** The identity type an identity's form says: as {@code verify --recipient} reads it. */
  static String typeOf(String identity) {
    String text = identity.strip();
    if (text.startsWith("did:")) {
      return "id";
    }
    if (text.startsWith("https://") || text.startsWith("http://")) {
      return "url";
    }
    if (text.startsWith("+")) {
      return "telephone";
    }
    return "email";
  }

  /** Whether an award names the learner, by the rules of {@code eligible}. */
  private boolean matches(
      Award award, AwardDoc awardDoc, String type, EarnerKey wanted, String identity) {
    if (!Identities.canonicalType(award.recipient().type()).equals(type)) {
      return false;
    }
    RecipientDoc doc = awardDoc == null ? null : awardDoc.recipient();
    if (doc != null && !doc.prehashed()) {
      return EarnerKey.plain(doc.type(), doc.identity()).filter(wanted::equals).isPresent();
    }
    // Held hashed: the stored keyed key, when the site secret is at hand; else the salted hash.
    Optional<EarnerKey> stored =
        Optional.ofNullable(awardDoc).flatMap(AwardDoc::earner).filter(EarnerKey::isKeyed);
    if (stored.isPresent() && siteSecret.isPresent()) {
      return EarnerKey.keyed(siteSecret.get(), type, identity).equals(stored);
    }
    return Identities.hashMatches(
        type, identity, award.recipient().identity(), award.recipient().salt());
  }

  /** The record is the learner's: it never goes into the site, where it would be published. */
  private static void checkOut(Path siteRoot, Path out) {
    Path file = out.toAbsolutePath().normalize();
    if (file.startsWith(siteRoot.toAbsolutePath().normalize())) {
      throw new BadgesmithException(
          "--out "
              + out
              + " is inside the site folder, where it could be committed or published; write the"
              + " learner record outside it");
    }
    for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("manifest.json"))
          && Files.isDirectory(folder.resolve("verify"))) {
        throw new BadgesmithException(
            "--out "
                + out
                + " is inside the built site "
                + folder
                + ", which is published; write the learner record outside it");
      }
    }
  }
}
