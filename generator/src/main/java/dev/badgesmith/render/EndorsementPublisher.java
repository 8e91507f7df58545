package dev.badgesmith.render;

import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endorsements a site gives: each as a hosted Open Badges 2.0 Endorsement and, on a signing
 * site, as a signed Open Badges 3.0 EndorsementCredential.
 */
final class EndorsementPublisher {
  private final Site site;
  private final SiteLayout layout;
  private final Ob2Documents ob2;

  EndorsementPublisher(Site site, SiteLayout layout, Ob2Documents ob2) {
    this.site = site;
    this.layout = layout;
    this.ob2 = ob2;
  }

  /** Every endorsement's Open Badges 2.0 document. */
  void publishOb2(OutputSink out) throws IOException {
    for (Endorsement e : site.endorsements().given()) {
      out.write(
          layout.endorsementJson(e.id()).file(),
          JsonOutput.bytes(ob2.endorsement(e, ob2.endorsedId(e.target()))));
    }
  }

  /**
   * Every endorsement's signed credential.
   *
   * @return the signed endorsements of each badge class of the site, not revoked, by its id
   */
  Map<String, List<Ob3Publisher.SignedEndorsement>> publishOb3(Ob3Publisher ob3, OutputSink out)
      throws IOException {
    Map<String, List<Ob3Publisher.SignedEndorsement>> byBadge = new LinkedHashMap<>();
    for (Endorsement e : site.endorsements().given()) {
      Optional<Award> award = Endorsements.endorsedAward(site, e.target());
      String endorser = site.issuer(e.endorserId()).map(Issuer::name).orElse(e.endorserId());
      String name = endorser + " endorses " + Endorsements.endorsedName(site, e.target());
      Ob3Publisher.SignedEndorsement signed =
          ob3.endorsement(e, name, ob3.endorsedId(e.target(), award), out);
      if (!e.revoked() && !e.target().external() && e.target().kind() == Endorsement.Kind.BADGE) {
        byBadge.computeIfAbsent(e.target().ref(), k -> new ArrayList<>()).add(signed);
      }
    }
    return byBadge;
  }
}
