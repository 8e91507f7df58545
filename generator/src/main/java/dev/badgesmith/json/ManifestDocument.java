package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.write.PublishedFile;
import java.util.List;

/**
 * {@code manifest.json}: every published file with its SHA-256, and every award with the paths of
 * its documents, so tools (and the next build) can tell what the site holds without crawling it.
 */
public final class ManifestDocument {
  private ManifestDocument() {}

  public static ObjectNode of(Site site, List<PublishedFile> files) {
    SiteLayout layout = new SiteLayout(site.settings());
    ObjectNode json = JsonOutput.object();
    json.put("generator", "Badgesmith");
    json.put("baseUrl", site.settings().baseUrl());
    ArrayNode awards = json.putArray("awards");
    for (Award award : site.awards()) {
      ObjectNode item = awards.addObject();
      item.put("badge", award.badgeId());
      item.put("award", award.id());
      item.put("source", award.source());
      item.put("revoked", award.revoked());
      ObjectNode documents = item.putObject("documents");
      BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
      layout.awardDocuments(award, badge).forEach((kind, url) -> documents.put(kind, url.file()));
    }
    ArrayNode list = json.putArray("files");
    for (PublishedFile f : files) {
      ObjectNode item = list.addObject();
      item.put("path", f.path());
      item.put("sha256", f.sha256());
      item.put("size", f.size());
    }
    return json;
  }
}
