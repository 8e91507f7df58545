package dev.badgesmith.model;

/**
 * The {@code pages} settings of {@code site.yaml}: which pages a site publishes about its earners,
 * and whether search engines may list them.
 *
 * @param earnerPages one page per earner named by a URL or DID, listing their badges; off by
 *     default, since it publishes that URL or DID
 * @param listEarners whether criteria pages list the awards of their badge (on by default)
 * @param indexAwards whether search engines may index award and earner pages; off by default, as
 *     they name people
 * @param certificates a printable PDF certificate beside each award page (on by default)
 */
public record PageSettings(
    boolean earnerPages, boolean listEarners, boolean indexAwards, boolean certificates) {
  public static final PageSettings DEFAULT = new PageSettings(false, true, false, true);
}
