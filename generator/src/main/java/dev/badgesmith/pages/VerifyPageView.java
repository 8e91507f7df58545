package dev.badgesmith.pages;

import java.util.List;

/**
 * The verify page, where a visitor checks a badge in the browser. Its script and data are relative
 * URLs ({@code verify.js}, {@code data.js}), and so is the stylesheet in its frame, so that a copy
 * of the site saved to disk works over file:// too.
 *
 * @param title the page heading
 * @param scriptUrl the page's script, relative to the page
 * @param dataUrl the site's data the script checks against, relative to the page
 * @param proofScripts what checking an embedded Data Integrity proof needs, relative to the page:
 *     the JSON-LD library ({@code jsonld.min.js}) and the contexts ({@code contexts.js}); empty
 *     when the site adds no such proofs
 * @param homeUrl the site's home page
 * @param scriptWords what the script says, in the page's language: a JSON object of the bundle's
 *     {@code verify.script.*} messages by the rest of their keys
 */
public record VerifyPageView(
    FrameView frame,
    String title,
    String scriptUrl,
    String dataUrl,
    List<String> proofScripts,
    String homeUrl,
    String scriptWords) {

  public VerifyPageView {
    proofScripts = List.copyOf(proofScripts);
  }
}
