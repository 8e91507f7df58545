package dev.badgesmith.pages;

import dev.badgesmith.framework.CaseAlignment;
import dev.badgesmith.framework.CaseFrameworks;
import dev.badgesmith.framework.CaseItem;
import dev.badgesmith.framework.CasePackage;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The skills of the skills index, by framework. Skills written by hand are listed by code, name and
 * URL; the items of a CASE framework follow its hierarchy: each aligned item under its parents
 * ({@code isChildOf}), up to the framework's top items, in the order the framework gives.
 */
final class SkillsViews {
  /** One skill: what tells two alignment targets apart. */
  private record SkillKey(String code, String name, String url) {}

  private final ViewContext context;
  private final Site site;

  SkillsViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
  }

  /** Framework (null last), then its skills. */
  List<FrameworkView> frameworks() {
    Map<String, Map<SkillKey, List<BadgeClass>>> written =
        new TreeMap<>(Comparator.nullsLast(ViewContext.BY_TEXT));
    Map<SkillKey, String> descriptions = new HashMap<>();
    // Each CASE package's aligned items, with their badge classes.
    Map<CasePackage, Map<CaseItem, List<BadgeClass>>> fromCase = new LinkedHashMap<>();
    CaseFrameworks frameworks = site.frameworks();
    for (BadgeClass badge : site.badges()) {
      for (Alignment a : badge.alignments()) {
        Optional<CaseFrameworks.Found> item = caseItem(frameworks, a);
        if (item.isPresent()) {
          written.computeIfAbsent(a.targetFramework().orElse(null), f -> skillMap());
          addOnce(
              fromCase
                  .computeIfAbsent(item.get().framework(), p -> new LinkedHashMap<>())
                  .computeIfAbsent(item.get().item(), i -> new ArrayList<>()),
              badge);
          continue;
        }
        SkillKey key = new SkillKey(a.targetCode().orElse(""), a.targetName(), a.targetUrl());
        addOnce(
            written
                .computeIfAbsent(a.targetFramework().orElse(null), f -> skillMap())
                .computeIfAbsent(key, k -> new ArrayList<>()),
            badge);
        a.targetDescription().ifPresent(d -> descriptions.putIfAbsent(key, d));
      }
    }
    List<FrameworkView> views = new ArrayList<>();
    written.forEach(
        (name, skills) -> {
          List<SkillView> list = new ArrayList<>();
          // A framework's CASE items first, as its hierarchy has them; then any written by hand.
          fromCase.forEach(
              (framework, aligned) -> {
                if (framework.document().title().equals(name)) {
                  list.addAll(tree(framework, aligned));
                }
              });
          skills.forEach(
              (key, badges) ->
                  list.add(
                      new SkillView(
                          key.name(),
                          ViewContext.webUrl(key.url()),
                          key.code().isEmpty() ? null : key.code(),
                          descriptions.get(key),
                          links(badges))));
          views.add(new FrameworkView(name, list));
        });
    return views;
  }

  private static Map<SkillKey, List<BadgeClass>> skillMap() {
    return new TreeMap<>(
        Comparator.comparing(SkillKey::code, ViewContext.BY_TEXT)
            .thenComparing(SkillKey::name, ViewContext.BY_TEXT)
            .thenComparing(SkillKey::url));
  }

  /** The CASE item an alignment was filled from, when it was. */
  private static Optional<CaseFrameworks.Found> caseItem(CaseFrameworks frameworks, Alignment a) {
    if (!a.targetType().map(CaseAlignment.CF_ITEM::equals).orElse(false)) {
      return Optional.empty();
    }
    return frameworks
        .find(a.targetUrl())
        .filter(f -> a.targetFramework().orElse("").equals(f.framework().document().title()));
  }

  /** The aligned items of one framework and every item above them, from its top items down. */
  private List<SkillView> tree(CasePackage framework, Map<CaseItem, List<BadgeClass>> aligned) {
    Set<CaseItem> shown = new LinkedHashSet<>();
    for (CaseItem item : aligned.keySet()) {
      withAncestors(framework, item, shown);
    }
    return nodes(framework, framework.roots(), shown, aligned, new LinkedHashSet<>());
  }

  private static void withAncestors(CasePackage framework, CaseItem item, Set<CaseItem> shown) {
    if (shown.add(item)) {
      framework.parents(item).forEach(p -> withAncestors(framework, p, shown));
    }
  }

  /**
   * @param path the items above, so that a package whose associations loop cannot recurse forever
   */
  private List<SkillView> nodes(
      CasePackage framework,
      List<CaseItem> items,
      Set<CaseItem> shown,
      Map<CaseItem, List<BadgeClass>> aligned,
      Set<CaseItem> path) {
    List<SkillView> views = new ArrayList<>();
    for (CaseItem item : items) {
      if (!shown.contains(item) || path.contains(item)) {
        continue;
      }
      path.add(item);
      CaseAlignment fields = framework.alignment(item);
      views.add(
          new SkillView(
              fields.targetName(),
              ViewContext.webUrl(fields.targetUrl()),
              fields.targetCode().orElse(null),
              fields.targetDescription().orElse(null),
              links(aligned.getOrDefault(item, List.of())),
              nodes(framework, framework.children(item), shown, aligned, path)));
      path.remove(item);
    }
    return views;
  }

  private List<LinkView> links(List<BadgeClass> badges) {
    return badges.stream().map(b -> context.badgeLink(b.id())).toList();
  }

  private static void addOnce(List<BadgeClass> badges, BadgeClass badge) {
    if (!badges.contains(badge)) {
      badges.add(badge);
    }
  }
}
