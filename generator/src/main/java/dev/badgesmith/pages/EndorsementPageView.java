package dev.badgesmith.pages;

/**
 * The page of an endorsement the site gives. Optional parts are null when absent.
 *
 * @param endorser the issuer that gives it, linked to its page on this site
 * @param endorsed what it endorses: linked to its page on this site, or to its URL elsewhere
 * @param claimHtml the claim, rendered from Markdown and made safe; printed unescaped
 * @param issuedOn the day it was given
 * @param revokedReason why it was withdrawn, or null while it stands
 * @param revokedOn the day it was withdrawn, or null
 * @param jsonUrl the Open Badges 2.0 Endorsement
 * @param credentialUrl the Open Badges 3.0 EndorsementCredential, or null on a site that does not
 *     sign
 * @param jwtUrl the same credential as a VC-JWT, or null
 */
public record EndorsementPageView(
    FrameView frame,
    LinkView endorser,
    LinkView endorsed,
    String claimHtml,
    String issuedOn,
    String revokedReason,
    String revokedOn,
    String jsonUrl,
    String credentialUrl,
    String jwtUrl) {}
