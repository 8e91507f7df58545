package dev.badgesmith.pages;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.SiteUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Links that share an award on other sites. */
final class ShareLinks {
  private ShareLinks() {}

  /**
   * LinkedIn's "Add to profile" form, filled in: the certification, its organisation, the month and
   * year of issue and expiry, and the award page as the credential's URL.
   */
  static String linkedIn(Award award, BadgeClass badge, Issuer issuer, SiteUrl page) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("startTask", "CERTIFICATION_NAME");
    fields.put("name", badge.name());
    fields.put("organizationName", issuer.name());
    fields.put("issueYear", Integer.toString(award.issuedOn().getYear()));
    fields.put("issueMonth", Integer.toString(award.issuedOn().getMonthValue()));
    award
        .expires()
        .ifPresent(
            e -> {
              fields.put("expirationYear", Integer.toString(e.getYear()));
              fields.put("expirationMonth", Integer.toString(e.getMonthValue()));
            });
    fields.put("certUrl", page.url());
    fields.put("certId", award.badgeId() + "/" + award.id());
    return "https://www.linkedin.com/profile/add?"
        + fields.entrySet().stream()
            .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }
}
