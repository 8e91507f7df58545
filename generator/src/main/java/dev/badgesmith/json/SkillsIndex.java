package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.framework.CaseFrameworks;
import dev.badgesmith.framework.CaseItem;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code skills/index.json}: every skill the badge classes align to, for employers' tools and
 * search engines. A skill is one alignment target (framework, code, name, URL); it lists the badge
 * classes aligned to it and how many of their awards are live at the build date (neither revoked
 * nor expired). Its shape is {@link #SCHEMA}, published beside it.
 */
public final class SkillsIndex {
  /** The JSON Schema of the document, as the generator holds it and the site publishes it. */
  public static final String SCHEMA = "badgesmith/schemas/skills-index.schema.json";

  private static final Comparator<String> BY_TEXT =
      Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT)).thenComparing(t -> t);

  /** One skill: what tells two alignment targets apart. */
  private record Key(String framework, String code, String name, String url) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::framework, Comparator.nullsLast(BY_TEXT))
          .thenComparing(Key::code, BY_TEXT)
          .thenComparing(Key::name, BY_TEXT)
          .thenComparing(Key::url);

  private SkillsIndex() {}

  /**
   * Whether the site publishes the index: when a badge aligns to anything, as the skills page is
   * drawn then too.
   */
  public static boolean published(Site site) {
    return site.hasAlignments();
  }

  /** The document; {@code buildDate} tells live awards, as of its date in the site's zone. */
  public static ObjectNode document(Site site, SiteLayout layout, Instant buildDate) {
    Map<Key, List<BadgeClass>> badgesBySkill = new TreeMap<>(ORDER);
    Map<Key, Alignment> first = new HashMap<>();
    for (BadgeClass badge : site.badges()) {
      for (Alignment a : badge.alignments()) {
        Key key =
            new Key(
                a.targetFramework().orElse(null),
                a.targetCode().orElse(""),
                a.targetName(),
                a.targetUrl());
        first.putIfAbsent(key, a);
        List<BadgeClass> badges = badgesBySkill.computeIfAbsent(key, k -> new ArrayList<>());
        if (!badges.contains(badge)) {
          badges.add(badge);
        }
      }
    }
    Map<String, Integer> live = new HashMap<>();
    for (Award award : site.awards()) {
      if (live(award, buildDate)) {
        live.merge(award.badgeId(), 1, Integer::sum);
      }
    }
    ObjectNode json = JsonOutput.object();
    json.put("site", site.settings().baseUrl());
    json.put("asOf", LocalDate.ofInstant(buildDate, site.settings().timeZone()).toString());
    json.put("schema", layout.skillsJsonSchema().url());
    ArrayNode skills = json.putArray("skills");
    badgesBySkill.forEach(
        (key, badges) -> {
          Alignment a = first.get(key);
          ObjectNode skill = skills.addObject();
          a.targetFramework().ifPresent(f -> skill.put("framework", f));
          a.targetCode().ifPresent(c -> skill.put("code", c));
          skill.put("name", a.targetName());
          a.targetDescription().ifPresent(d -> skill.put("description", d));
          skill.put("url", a.targetUrl());
          a.targetType().ifPresent(t -> skill.put("type", t));
          List<String> parents = parents(site.frameworks(), a);
          if (!parents.isEmpty()) {
            ArrayNode isChildOf = skill.putArray("isChildOf");
            parents.forEach(isChildOf::add);
          }
          ArrayNode list = skill.putArray("badges");
          int awards = 0;
          for (BadgeClass badge : badges) {
            ObjectNode b = list.addObject();
            b.put("id", badge.id());
            b.put("name", badge.name());
            b.put("criteria", layout.badgePage(badge.id()).url());
            b.put("badgeClass", layout.badgeJson(badge.id()).url());
            int count = live.getOrDefault(badge.id(), 0);
            b.put("liveAwards", count);
            awards += count;
          }
          skill.put("liveAwards", awards);
        });
    return json;
  }

  /** The schema's bytes. */
  public static byte[] schema() {
    try (InputStream in = SkillsIndex.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Neither revoked nor expired at the build date. */
  private static boolean live(Award award, Instant buildDate) {
    return !award.revoked()
        && award.expires().map(e -> !e.toInstant().isBefore(buildDate)).orElse(true);
  }

  /** The URIs of the CASE items a CASE item is a child of, in its package. */
  private static List<String> parents(CaseFrameworks frameworks, Alignment a) {
    if (!a.targetType().map("CFItem"::equals).orElse(false)) {
      return List.of();
    }
    Optional<CaseFrameworks.Found> found = frameworks.find(a.targetUrl());
    return found
        .map(f -> f.framework().parents(f.item()).stream().map(CaseItem::uri).toList())
        .orElse(List.of());
  }
}
