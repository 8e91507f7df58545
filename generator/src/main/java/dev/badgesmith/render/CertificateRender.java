package dev.badgesmith.render;

import dev.badgesmith.certificate.Certificate;
import dev.badgesmith.certificate.CertificateArt;
import dev.badgesmith.certificate.CertificateLayout;
import dev.badgesmith.certificate.CertificatePdf;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pages.AwardPages;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An award's printable certificate: the layout its template writes, drawn as a PDF/A-3 document
 * that carries the award's credential, exactly as published, as its associated file.
 */
final class CertificateRender {
  private final SiteLayout layout;
  private final AwardPages pages;
  private final Map<String, String> issuerNames;
  private final CertificatePdf pdf = new CertificatePdf();
  // Each badge class's art, decoded and compressed once, by the first certificate that needs it.
  private final Map<String, CertificateArt> arts = new ConcurrentHashMap<>();

  /**
   * @param issuerNames each badge class's issuer's name, by the badge's id
   */
  CertificateRender(SiteLayout layout, AwardPages pages, Map<String, String> issuerNames) {
    this.layout = layout;
    this.pages = pages;
    this.issuerNames = Map.copyOf(issuerNames);
  }

  /**
   * Writes the certificate.
   *
   * @param carried the published file it carries (its path in the site) and its bytes
   */
  void write(
      Award award,
      BadgeClass badge,
      Design design,
      Map.Entry<String, byte[]> carried,
      OutputSink out)
      throws IOException {
    Optional<CertificateLayout> page = pages.certificateLayout(award);
    if (page.isEmpty()) {
      return; // the override's problem is noted with the pages', and nothing is published
    }
    CertificateArt art = arts.computeIfAbsent(badge.id(), b -> CertificateArt.of(design.png()));
    String path = carried.getKey();
    String name = path.substring(path.lastIndexOf('/') + 1);
    Certificate certificate =
        new Certificate(
            badge.name() + award.recipient().name().map(n -> " – " + n).orElse(""),
            issuerNames.get(badge.id()),
            award.language().orElse(layout.settings().language()),
            layout.awardPage(award).url(),
            award.issuedOn(),
            modified(award),
            art,
            new Certificate.Attachment(
                name, mediaType(name), description(name), carried.getValue()));
    out.write(layout.certificate(award).file(), pdf.write(page.get(), certificate));
  }

  /** Its revocation, when dated, else its issue: never the time of the build. */
  private static OffsetDateTime modified(Award award) {
    return award
        .revocation()
        .flatMap(Revocation::date)
        .map(d -> d.atStartOfDay().atOffset(award.issuedOn().getOffset()))
        .filter(d -> d.isAfter(award.issuedOn()))
        .orElse(award.issuedOn());
  }

  private static String mediaType(String name) {
    if (name.endsWith(".jwt")) {
      return "application/jwt";
    }
    return name.endsWith(".jws") ? "application/jose" : "application/ld+json";
  }

  private String description(String name) {
    if (name.endsWith(".jwt")) {
      return "Open Badges 3.0 credential (VC-JWT)";
    }
    if (name.endsWith(".jws")) {
      return "Open Badges 2.0 signed assertion (JWS)";
    }
    return layout.settings().signing().isPresent()
        ? "Open Badges 3.0 credential with its proof (JSON)"
        : "Open Badges 2.0 assertion (JSON)";
  }
}
