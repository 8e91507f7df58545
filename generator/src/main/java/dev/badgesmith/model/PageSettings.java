package dev.badgesmith.model;

import java.util.List;

/**
 * The {@code pages} settings of {@code site.yaml}: which pages a site publishes about its earners,
 * and whether search engines may list them.
 *
 * @param earnerPages one page per earner named by a URL or DID, listing their badges; off by
 *     default, since it publishes that URL or DID
 * @param listEarners whether criteria pages list the awards of their badge (on by default)
 * @param indexAwards whether search engines may index award and earner pages; off by default, as
 *     they name people
 * @param recognition the recognition page and {@code recognition.json}: earners named by a URL or
 *     DID, ranked by their live badges; off by default, since it publishes that URL or DID
 * @param recognitionOptOut the URLs and DIDs of earners kept off the recognition page, as written
 * @param certificates a printable PDF certificate beside each award page (on by default)
 */
public record PageSettings(
    boolean earnerPages,
    boolean listEarners,
    boolean indexAwards,
    boolean recognition,
    List<String> recognitionOptOut,
    boolean certificates) {
  public static final PageSettings DEFAULT = new PageSettings(false, true, false);

  public PageSettings {
    recognitionOptOut = List.copyOf(recognitionOptOut);
  }

  /** Settings without a recognition page, with certificates. */
  public PageSettings(boolean earnerPages, boolean listEarners, boolean indexAwards) {
    this(earnerPages, listEarners, indexAwards, false, List.of(), true);
  }

  /** Whether a URL or DID an award names is published: on earner pages or the recognition page. */
  public boolean publishesEarnerIds() {
    return earnerPages || recognition;
  }
}
