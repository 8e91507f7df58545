package dev.badgesmith.pages;

import dev.badgesmith.framework.CaseAlignment;
import dev.badgesmith.framework.CaseFrameworks;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The skills search page: every skill (alignment target) as {@code skills/index.json} lists it, in
 * its order, with the badges aligned to it, their live awards and, only for earners who have an
 * earner page, who holds them. An earner without a page (e-mail, telephone or hashed recipient, or
 * a site without earner pages) is counted and never named, as on every other page.
 */
final class SkillSearchViews {
  /** One skill: what tells two alignment targets apart, as in the skills index. */
  private record Key(String framework, String code, String name, String url) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::code, ViewContext.BY_TEXT)
          .thenComparing(Key::name, ViewContext.BY_TEXT)
          .thenComparing(Key::url);

  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  SkillSearchViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
  }

  /** Whether the page names anyone: then it is kept from search engines as earner pages are. */
  boolean namesEarners() {
    return site.badges().stream()
        .filter(b -> !b.alignments().isEmpty())
        .flatMap(b -> context.awardsOf(b).stream())
        .anyMatch(a -> live(a) && context.earnerUrl(a) != null);
  }

  SkillSearchPageView page() {
    Map<String, Map<Key, List<BadgeClass>>> byFramework =
        new TreeMap<>(Comparator.nullsLast(ViewContext.BY_TEXT));
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
        List<BadgeClass> badges =
            byFramework
                .computeIfAbsent(key.framework(), f -> new TreeMap<>(ORDER))
                .computeIfAbsent(key, k -> new ArrayList<>());
        if (!badges.contains(badge)) {
          badges.add(badge);
        }
      }
    }
    Map<String, String> keys = frameworkKeys(byFramework.keySet());
    Map<String, String> earnerNames = earnerNames();
    List<SkillSearchFrameworkView> frameworks = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, Map<Key, List<BadgeClass>>> framework : byFramework.entrySet()) {
      List<SkillSearchView> skills = new ArrayList<>();
      framework
          .getValue()
          .forEach((key, badges) -> skills.add(skill(first.get(key), badges, earnerNames)));
      count += skills.size();
      frameworks.add(
          new SkillSearchFrameworkView(framework.getKey(), keys.get(framework.getKey()), skills));
    }
    SiteUrl page = layout.skillsSearch();
    FrameView frame =
        context.frame(
            context.text("skillsSearch.title", site.settings().title()),
            context.text("skillsSearch.description", site.settings().title()),
            page,
            null);
    if (namesEarners() && !site.settings().pages().indexAwards()) {
      frame = withRobots(frame, "noindex");
    }
    return new SkillSearchPageView(
        frame,
        layout.skills().url(),
        layout.skillsJson().url(),
        layout.skillsSearchScript().relativeFrom(page),
        count,
        frameworks);
  }

  private SkillSearchView skill(
      Alignment a, List<BadgeClass> badges, Map<String, String> earnerNames) {
    List<String> partOf = new ArrayList<>();
    List<String> searched = new ArrayList<>();
    searched.add(a.targetName());
    a.targetCode().ifPresent(searched::add);
    a.targetDescription().ifPresent(searched::add);
    for (CaseAlignment fields : parents(site.frameworks(), a)) {
      partOf.add(fields.targetName());
      searched.add(fields.targetName());
      fields.targetCode().ifPresent(searched::add);
    }
    List<SkillBadgeView> badgeViews = new ArrayList<>();
    int live = 0;
    for (BadgeClass badge : badges) {
      SkillBadgeView view = badge(badge, earnerNames);
      badgeViews.add(view);
      live += view.liveAwards();
      searched.add(badge.name());
    }
    return new SkillSearchView(
        a.targetName(),
        ViewContext.webUrl(a.targetUrl()),
        a.targetCode().orElse(null),
        a.targetDescription().orElse(null),
        partOf,
        fold(String.join(" ", searched)),
        live,
        badgeViews);
  }

  private SkillBadgeView badge(BadgeClass badge, Map<String, String> earnerNames) {
    int live = 0;
    int unnamed = 0;
    Map<String, LinkView> holders = new LinkedHashMap<>();
    for (Award award : context.awardsOf(badge)) {
      if (!live(award)) {
        continue;
      }
      live++;
      String earnerUrl = context.earnerUrl(award);
      if (earnerUrl == null) {
        unnamed++;
      } else {
        String name = award.recipient().publicId().map(earnerNames::get).orElse(null);
        holders.putIfAbsent(earnerUrl, new LinkView(name, earnerUrl));
      }
    }
    List<LinkView> sorted =
        holders.values().stream()
            .sorted(
                Comparator.comparing(LinkView::text, Comparator.nullsLast(ViewContext.BY_TEXT))
                    .thenComparing(LinkView::url))
            .toList();
    return new SkillBadgeView(context.badgeLink(badge.id()), live, sorted, unnamed);
  }

  /**
   * Each earner's display name as their earner page gives it: that of their newest standing award
   * that gives one.
   */
  private Map<String, String> earnerNames() {
    Map<String, Award> newest = new HashMap<>();
    Comparator<Award> order =
        Comparator.comparing((Award a) -> a.issuedOn().toInstant())
            .thenComparing(Award::badgeId, Comparator.reverseOrder())
            .thenComparing(Award::id, Comparator.reverseOrder());
    for (Award award : site.awards()) {
      Optional<String> id = award.recipient().publicId();
      if (award.revoked() || id.isEmpty() || award.recipient().name().isEmpty()) {
        continue;
      }
      newest.merge(id.get(), award, (x, y) -> order.compare(x, y) >= 0 ? x : y);
    }
    Map<String, String> names = new HashMap<>();
    newest.forEach((id, award) -> names.put(id, award.recipient().name().orElseThrow()));
    return names;
  }

  /** Neither revoked nor expired at the build date. */
  private boolean live(Award award) {
    return !award.revoked() && !context.expired(award);
  }

  /** The items a CASE item is placed under in its package; none for any other skill. */
  private static List<CaseAlignment> parents(CaseFrameworks frameworks, Alignment a) {
    if (!a.targetType().map(CaseAlignment.CF_ITEM::equals).orElse(false)) {
      return List.of();
    }
    return frameworks
        .find(a.targetUrl())
        .map(f -> f.framework().parents(f.item()).stream().map(f.framework()::alignment).toList())
        .orElse(List.of());
  }

  /**
   * The filter's value of each framework: its name made a page name, unique; the skills of no
   * framework take {@code other-skills}, or another name when a framework already took it.
   */
  private static Map<String, String> frameworkKeys(Set<String> frameworks) {
    Set<String> named = new LinkedHashSet<>(frameworks);
    named.remove(null);
    Map<String, String> keys = new HashMap<>(Slugs.assign(named, "framework"));
    if (frameworks.contains(null)) {
      String other = "other-skills";
      while (keys.containsValue(other)) {
        other = other + "-1";
      }
      keys.put(null, other);
    }
    return keys;
  }

  private static FrameView withRobots(FrameView f, String robots) {
    return f.withRobots(robots);
  }

  /** Lower case without accents, as the page's script folds a query: "García" matches "garcia". */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
