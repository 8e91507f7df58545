package dev.badgesmith;

import dev.badgesmith.award.AwardBatch;
import dev.badgesmith.award.NewAward;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.importer.AssertionImporter;
import dev.badgesmith.load.ByteOrderMark;
import dev.badgesmith.load.CsvAwards;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.pathway.EarnerKey;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * New award files, by hand, from a CSV file or imported from other issuers: each way checks the new
 * files with the site as a pull request's check would, and keeps none when one has an error.
 */
final class Awarding {
  /** Every diagnostic of the site in a folder. */
  private final Function<Path, List<Diagnostic>> check;

  /** The site secret, when set: hashed recipients are then stored with a keyed earner key. */
  private final Optional<String> siteSecret;

  Awarding(Badgesmith generator) {
    this.check = site -> generator.check(site).diagnostics();
    this.siteSecret = generator.siteSecret();
  }

  AwardResult one(Path site, AwardRequest request, SecureRandom random) {
    dev.badgesmith.award.AwardRequest award =
        new dev.badgesmith.award.AwardRequest(
            request.badgeId(),
            request.awardId(),
            request.identityKey(),
            request.identity(),
            request.name(),
            request.issuedOn(),
            request.narrative(),
            request.evidence(),
            request.hash(),
            request.hash()
                ? siteSecret.flatMap(
                    s -> EarnerKey.keyed(s, request.identityKey(), request.identity()))
                : Optional.empty());
    return written(AwardBatch.write(site, award, random, check));
  }

  AwardResult csv(
      Path site, String badge, Path csv, boolean hash, LocalDate today, SecureRandom random) {
    if (!Files.isRegularFile(site.resolve("badges").resolve(badge + ".md"))) {
      throw new BadgesmithException("no badge class '" + badge + "' (badges/" + badge + ".md)");
    }
    String text;
    try {
      text = Files.readString(csv, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new BadgesmithException(csv + " is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw new BadgesmithException("cannot read " + csv + ": " + e.getMessage());
    }
    Diagnostics diagnostics = new Diagnostics();
    List<AwardDoc> rows =
        CsvAwards.read(
            ByteOrderMark.strip(text),
            csv.toString(),
            badge,
            new CsvAwards.Options(false, Optional.of(today.toString())),
            diagnostics);
    if (diagnostics.hasErrors()) {
      return new AwardResult(List.of(), diagnostics.sorted());
    }
    if (rows.isEmpty()) {
      return new AwardResult(
          List.of(),
          List.of(
              Diagnostic.error(
                  Code.MALFORMED_CSV,
                  SourcePosition.startOf(csv.toString()),
                  "the file has no rows of awards")));
    }
    List<NewAward> awards = new ArrayList<>();
    for (AwardDoc row : rows) {
      Optional<Located<String>> given =
          row.id().isEmpty() ? Optional.empty() : Optional.of(new Located<>(row.id(), row.at()));
      awards.add(
          new NewAward(given, AwardBatch.idBase(row, hash), row, hash, row.at(), Optional.empty()));
    }
    return written(AwardBatch.write(site, keyed(awards), random, check));
  }

  AwardResult imported(Path site, ImportRequest request, SecureRandom random) {
    Diagnostics diagnostics = new Diagnostics();
    List<NewAward> awards =
        new AssertionImporter(Tools.http(request.network()).allowHttp().build())
            .read(
                site,
                request.inputs(),
                new AssertionImporter.Mapping(request.badge(), request.byBadgeClass()),
                diagnostics);
    if (diagnostics.hasErrors()) {
      return new AwardResult(List.of(), diagnostics.sorted());
    }
    return written(AwardBatch.write(site, keyed(awards), random, check));
  }

  /**
   * The awards, each plain identity that is to be hashed with its keyed earner key when the site
   * secret is set: the one way awards to one hashed earner can be matched later.
   */
  private List<NewAward> keyed(List<NewAward> awards) {
    if (siteSecret.isEmpty()) {
      return awards;
    }
    List<NewAward> keyed = new ArrayList<>();
    for (NewAward a : awards) {
      RecipientDoc r = a.award().recipient();
      Optional<EarnerKey> key =
          a.hash() && !r.prehashed()
              ? EarnerKey.keyed(siteSecret.get(), r.type(), r.identity())
              : Optional.empty();
      keyed.add(
          key.map(
                  k ->
                      new NewAward(
                          a.id(),
                          a.idBase(),
                          a.award().withEarner(k),
                          a.hash(),
                          a.origin(),
                          a.comment()))
              .orElse(a));
    }
    return keyed;
  }

  /** An award for each eligible earner with a plain identity; those held hashed are skipped. */
  EligibleAwardResult eligible(
      Path site, EligibleResult found, LocalDate issuedOn, SecureRandom random) {
    List<EligibleResult.Eligible> skipped =
        found.eligible().stream().filter(e -> e.recipient().isEmpty()).toList();
    List<NewAward> awards = Eligibilities.newAwards(found.eligible(), issuedOn);
    AwardResult awarded =
        awards.isEmpty()
            ? new AwardResult(List.of(), List.of())
            : written(AwardBatch.write(site, awards, random, check));
    return new EligibleAwardResult(found, awarded, skipped);
  }

  private static AwardResult written(AwardBatch.Result result) {
    return new AwardResult(result.written(), result.problems());
  }
}
