package dev.badgesmith.pages;

/**
 * One endorsement as a badge class, issuer or award page lists it. One the site gives has every
 * field; one hosted elsewhere is known only by its URL (the build never fetches it), and its other
 * fields are null.
 *
 * @param endorser the issuer that gives it, linked to its page on this site
 * @param claimHtml its claim, rendered from Markdown and made safe; printed unescaped
 * @param issuedOn the day it was given, as {@code 2025-03-14}
 * @param url its page on this site, or the endorsement hosted elsewhere
 * @param host the host of an endorsement hosted elsewhere, to name it by
 */
public record EndorsementView(
    LinkView endorser, String claimHtml, String issuedOn, String url, String host) {}
