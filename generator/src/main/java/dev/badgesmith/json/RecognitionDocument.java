package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.recognition.RecognitionBoard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * {@code recognition.json}: the recognition board for machines, as the page shows it. It names
 * earners by the URL or DID their awards give, and nothing else of them. Its shape is {@link
 * #SCHEMA}, published beside it.
 */
public final class RecognitionDocument {
  /** The JSON Schema of the document, as the generator holds it and the site publishes it. */
  public static final String SCHEMA = "badgesmith/schemas/recognition.schema.json";

  private RecognitionDocument() {}

  /**
   * @param earnerPage an earner's page by their URL or DID, or null when the site has none
   */
  public static ObjectNode document(
      Site site, SiteLayout layout, RecognitionBoard board, Function<String, String> earnerPage) {
    ObjectNode json = JsonOutput.object();
    json.put("site", site.settings().baseUrl());
    json.put("asOf", board.asOf().toString());
    json.put("timeZone", board.zone().getId());
    json.put("schema", layout.recognitionJsonSchema().url());
    json.put("page", layout.recognition().url());
    ArrayNode rules = json.putArray("rules");
    RecognitionBoard.RULES.forEach(rules::add);
    ArrayNode earners = json.putArray("earners");
    for (RecognitionBoard.Earner e : board.earners()) {
      ObjectNode earner = earners.addObject();
      earner.put("rank", e.rank());
      earner.put("id", e.id());
      e.name().ifPresent(n -> earner.put("name", n));
      String page = earnerPage.apply(e.id());
      if (page != null) {
        earner.put("earnerPage", page);
      }
      earner.put("liveBadges", e.liveBadges());
      earner.put("completedPathways", e.completedPathways());
      earner.put("currentStreak", e.currentStreak());
      earner.put("longestStreak", e.longestStreak());
      ArrayNode newest = earner.putArray("newestAwards");
      e.newest().forEach(a -> award(site, layout, a, newest.addObject()));
    }
    ArrayNode newest = json.putArray("newestAwards");
    for (Award a : board.newest()) {
      ObjectNode award = newest.addObject();
      award.put("earner", a.recipient().publicId().orElseThrow());
      award(site, layout, a, award);
    }
    return json;
  }

  private static void award(Site site, SiteLayout layout, Award a, ObjectNode out) {
    BadgeClass badge = site.badge(a.badgeId()).orElseThrow();
    out.put("badge", badge.id());
    out.put("name", badge.name());
    out.put("issuedOn", a.issuedOn().toLocalDate().toString());
    out.put("award", layout.awardPage(a).url());
  }

  /** The schema's bytes. */
  public static byte[] schema() {
    try (InputStream in = RecognitionDocument.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
