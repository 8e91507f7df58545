package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.write.SiteWriter;
import dev.badgesmith.xapi.BakedImages;
import dev.badgesmith.xapi.EarnedAward;
import dev.badgesmith.xapi.LrsClient;
import dev.badgesmith.xapi.LrsDestination;
import dev.badgesmith.xapi.SendResult;
import dev.badgesmith.xapi.XapiException;
import dev.badgesmith.xapi.XapiExport;
import dev.badgesmith.xapi.XapiRequest;
import dev.badgesmith.xapi.XapiStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facade's {@code xapi}: the site checked with every award file read (the plain identities live
 * only there), its baked badges read from a build, the statements written, and sent when a store is
 * given.
 *
 * <p>Without a built site folder, the site is built into a temporary folder through the same
 * pipeline as {@code build}, with the same keys and cache: a build is reproducible, so its baked
 * PNGs are the bytes the published site serves at the URLs the statements attach (they follow from
 * the site's {@code baseUrl}). Only a site signing its JWTs with ES256, whose signatures differ
 * from run to run, needs the cache of the build that published it, or that build's folder.
 */
final class XapiExports {
  /** How long a learning record store may take to answer one request. */
  private static final Duration LRS_TIMEOUT = Duration.ofSeconds(60);

  private final Pipeline pipeline;

  XapiExports(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  XapiResult export(Path siteDir, XapiOptions options) {
    CheckedFiles checked = pipeline.checkEveryFile(siteDir);
    if (checked.site().isEmpty() || checked.report().hasErrors()) {
      return nothingWritten(checked.report());
    }
    Site site = checked.site().get();
    List<EarnedAward> awards = earned(site, checked.doc().awards());
    XapiExport export;
    Report report = checked.report();
    if (options.builtSite().isPresent()) {
      if (!Files.isDirectory(options.builtSite().get())) {
        throw new BadgesmithException("no built site folder at " + options.builtSite().get());
      }
      export = statements(site, awards, options, options.builtSite().get());
    } else {
      Path temporary = temporaryFolder();
      Path built = temporary.resolve("site");
      try {
        report = pipeline.build(siteDir, built, false, s -> {});
        if (report.hasErrors()) {
          return nothingWritten(report);
        }
        export = statements(site, awards, options, built);
      } finally {
        pipeline.forgetOutput(built);
        deleteTree(temporary);
      }
    }
    try {
      export.write(options.out());
    } catch (IOException e) {
      throw new BadgesmithException("cannot write " + options.out() + ": " + e.getMessage(), e);
    }
    Optional<XapiResult.Sent> sent = options.lrs().map(lrs -> send(lrs, export, options));
    return new XapiResult(
        report, Optional.of(options.out()), export.earned(), export.voided(), export.notes(), sent);
  }

  /** Each award of the model with its recipient's identity as its file writes it, when plain. */
  private static List<EarnedAward> earned(Site site, List<AwardDoc> docs) {
    Map<String, RecipientDoc> recipients = new HashMap<>();
    docs.forEach(doc -> recipients.put(doc.badgeId() + "/" + doc.id(), doc.recipient()));
    return site.awards().stream()
        .map(
            award ->
                new EarnedAward(
                    award,
                    Optional.ofNullable(recipients.get(award.badgeId() + "/" + award.id()))
                        .filter(recipient -> !recipient.prehashed())
                        .map(RecipientDoc::identity)))
        .toList();
  }

  private static XapiExport statements(
      Site site, List<EarnedAward> awards, XapiOptions options, Path built) {
    BakedImages baked = BakedImages.in(built, new SiteLayout(site.settings()));
    try {
      return XapiStatements.export(new XapiRequest(site, awards, options.since(), baked));
    } catch (XapiException e) {
      throw new BadgesmithException(e.getMessage());
    }
  }

  private static XapiResult.Sent send(XapiOptions.Lrs lrs, XapiExport export, XapiOptions options) {
    LrsDestination destination = new LrsDestination(lrs.endpoint(), lrs.user(), lrs.password());
    try {
      SendResult result = new LrsClient(LRS_TIMEOUT).send(destination, export.statements());
      return new XapiResult.Sent(
          destination.statements(), result.accepted(), result.requests(), result.conflicts());
    } catch (XapiException e) {
      throw new BadgesmithException(
          "the statements are written to "
              + options.out()
              + ", but not all were sent: "
              + e.getMessage());
    }
  }

  private static XapiResult nothingWritten(Report report) {
    return new XapiResult(report, Optional.empty(), 0, 0, List.of(), Optional.empty());
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("badgesmith-xapi-");
    } catch (IOException e) {
      throw new BadgesmithException("cannot make a temporary folder: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) {
    try {
      SiteWriter.deleteTree(folder);
    } catch (IOException e) {
      // A temporary folder the system cleans up in time; nothing to stop for.
    }
  }
}
