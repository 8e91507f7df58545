package dev.badgesmith.pages;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.SiteUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links that share an award on other sites. */
final class ShareLinks {
  private ShareLinks() {}

  /**
   * LinkedIn's "Add to profile" form, filled in: the certification, its organisation, the month and
   * year of issue and expiry, and the award page as the credential's URL.
   *
   * @param badgeFields {@link #badgeFields} of the award's badge class and issuer
   */
  static String linkedIn(Award award, String badgeFields, SiteUrl page) {
    StringBuilder url = new StringBuilder(256).append(badgeFields);
    field(url, "issueYear", Integer.toString(award.issuedOn().getYear()));
    field(url, "issueMonth", Integer.toString(award.issuedOn().getMonthValue()));
    if (award.expires().isPresent()) {
      field(url, "expirationYear", Integer.toString(award.expires().get().getYear()));
      field(url, "expirationMonth", Integer.toString(award.expires().get().getMonthValue()));
    }
    field(url, "certUrl", page.url());
    field(url, "certId", award.badgeId() + "/" + award.id());
    return url.toString();
  }

  /**
   * The start of the form's link, the same for every award of a badge class: made once per badge
   * class, as encoding its names costs more than the rest of the link.
   */
  static String badgeFields(BadgeClass badge, Issuer issuer) {
    StringBuilder url = new StringBuilder("https://www.linkedin.com/profile/add?");
    url.append("startTask=CERTIFICATION_NAME");
    field(url, "name", badge.name());
    field(url, "organizationName", issuer.name());
    return url.toString();
  }

  private static void field(StringBuilder url, String name, String value) {
    url.append('&')
        .append(name)
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
