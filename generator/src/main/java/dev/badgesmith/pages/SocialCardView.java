package dev.badgesmith.pages;

import java.util.Objects;

/**
 * What the social card template shows of one badge class.
 *
 * @param imageDataUri the badge art as a {@code data:image/...} URI; prefer the PNG the rasterizer
 *     made of the design to the SVG itself, so the card never parses the design a second time
 */
public record SocialCardView(
    String badgeName, String issuerName, String siteTitle, String imageDataUri) {
  public SocialCardView {
    Objects.requireNonNull(badgeName, "badgeName");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(siteTitle, "siteTitle");
    Objects.requireNonNull(imageDataUri, "imageDataUri");
    if (!imageDataUri.startsWith("data:image/")) {
      throw new IllegalArgumentException(
          "the badge art must be embedded as a data:image/ URI, not " + abbreviate(imageDataUri));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
