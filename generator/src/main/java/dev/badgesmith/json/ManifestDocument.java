package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.model.Award;
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
      documents.put("ob2Assertion", layout.ob2Assertion(award).file());
      if (!award.revoked()) {
        documents.put("ob2Png", layout.bakedPng(award).file());
        site.badge(award.badgeId())
            .filter(b -> b.image().format().equals("svg"))
            .ifPresent(b -> documents.put("ob2Svg", layout.bakedSvg(award).file()));
        site.settings()
            .signing()
            .ifPresent(
                signing -> {
                  documents.put("ob3Credential", layout.credentialJson(award).file());
                  if (signing.jwtKey().isPresent()) {
                    documents.put("ob3Jwt", layout.credentialJwt(award).file());
                  }
                  documents.put("ob3Png", layout.credentialPng(award).file());
                  site.badge(award.badgeId())
                      .filter(b -> b.image().format().equals("svg"))
                      .ifPresent(b -> documents.put("ob3Svg", layout.credentialSvg(award).file()));
                });
      }
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
