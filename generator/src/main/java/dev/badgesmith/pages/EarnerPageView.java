package dev.badgesmith.pages;

import java.util.List;

/**
 * The page of one earner named by a URL or DID, on a site that publishes earner pages.
 *
 * @param name the display name of the earner's newest award that gives one, or null
 * @param identifier the URL or DID the awards name: the one identity an earner page shows
 * @param identifierUrl the identifier as a link, when it is an http(s) URL, else null
 * @param awards the earner's standing awards (revoked ones are left out), newest first
 * @param clrUrl the earner's learner record (a signed CLR 2.0 ClrCredential), when the site signs
 *     credentials, else null
 * @param clrJwtUrl the same record as a VC-JWT, when the site signs JWTs, else null
 * @param verifyUrl the site's verify page, where the record can be checked
 */
public record EarnerPageView(
    FrameView frame,
    String name,
    String identifier,
    String identifierUrl,
    List<EarnerAwardView> awards,
    String clrUrl,
    String clrJwtUrl,
    String verifyUrl) {

  public EarnerPageView {
    awards = List.copyOf(awards);
  }
}
