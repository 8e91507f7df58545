package dev.badgesmith.pages;

import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The views of the site-wide pages: home, tag galleries, the skills index, verify and 404. */
final class IndexViews {
  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  IndexViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
  }

  IndexView index() {
    String title = site.settings().title();
    String description = site.settings().description().orElse(null);
    FrameView frame = context.frame(title, description, layout.home(), null);
    return new IndexView(
        frame,
        title,
        description,
        site.badges().stream().map(context::summary).toList(),
        tagFilter(null),
        site.issuers().stream()
            .map(i -> new LinkView(i.name(), layout.issuerPage(i.id()).url()))
            .toList(),
        context.hasSkills() ? layout.skills().url() : null);
  }

  /** The filter: "All badges", then each tag with how many badge classes carry it. */
  private List<TagFilterView> tagFilter(String currentTag) {
    Map<String, String> tagTexts = context.tagTexts();
    List<TagFilterView> filter = new ArrayList<>();
    if (tagTexts.isEmpty()) {
      return filter;
    }
    filter.add(
        new TagFilterView(
            context.text("gallery.allBadges"),
            layout.home().url(),
            site.badges().size(),
            currentTag == null));
    for (String tag : tagTexts.keySet()) {
      filter.add(
          new TagFilterView(
              tagTexts.get(tag),
              context.tagPage(tag).url(),
              badgesTagged(tag).size(),
              tag.equals(currentTag)));
    }
    return filter;
  }

  private List<BadgeClass> badgesTagged(String foldedTag) {
    return site.badges().stream()
        .filter(b -> b.tags().stream().map(ViewContext::fold).anyMatch(foldedTag::equals))
        .toList();
  }

  /** One gallery page per tag, as {@code tags/<slug>/} to its view. */
  Map<SiteUrl, TagPageView> tagPages() {
    Map<String, String> tagTexts = context.tagTexts();
    Map<SiteUrl, TagPageView> pages = new LinkedHashMap<>();
    for (String tag : tagTexts.keySet()) {
      String text = tagTexts.get(tag);
      SiteUrl page = context.tagPage(tag);
      FrameView frame =
          context.frame(
              context.text("tag.title", text, site.settings().title()),
              context.text("tag.description", site.settings().title(), text),
              page,
              null);
      pages.put(
          page,
          new TagPageView(
              frame,
              text,
              badgesTagged(tag).stream().map(context::summary).toList(),
              tagFilter(tag)));
    }
    return pages;
  }

  /** The skills index, or null when no badge class aligns to a skill. */
  SkillsPageView skills() {
    if (!context.hasSkills()) {
      return null;
    }
    List<FrameworkView> frameworks = new SkillsViews(context).frameworks();
    FrameView frame =
        context.frame(
            context.text("skills.title", site.settings().title()),
            context.text("skills.description", site.settings().title()),
            layout.skills(),
            null);
    return new SkillsPageView(frame, frameworks, layout.skillsSearch().url());
  }

  /**
   * The verify page. What it loads (stylesheet, script, data) is linked relative to it, so that it
   * works from a saved copy of the site opened over file://.
   */
  VerifyPageView verifyPage() {
    SiteUrl page = layout.verifyPage();
    String title = context.text("verify.heading");
    FrameView frame =
        context.frameView(
            context.language(),
            context.text("verify.title", title, site.settings().title()),
            context.text("verify.description", site.settings().title()),
            site.settings().title(),
            layout.home().url(),
            layout.stylesheet().relativeFrom(page),
            page.url(),
            null,
            layout.feed().url(),
            null,
            null,
            context.nav(page));
    boolean dataIntegrity =
        site.settings().signing().flatMap(s -> s.dataIntegrityKey()).isPresent();
    return new VerifyPageView(
        frame,
        title,
        layout.verifyScript().relativeFrom(page),
        layout.verifyData().relativeFrom(page),
        dataIntegrity
            ? List.of(
                layout.verifyLibrary().relativeFrom(page),
                layout.verifyContexts().relativeFrom(page))
            : List.of(),
        layout.home().url(),
        context.messages().json("verify.script."));
  }

  NotFoundView notFound() {
    FrameView frame =
        context.frameView(
            context.language(),
            context.text("notFound.title", site.settings().title()),
            null,
            site.settings().title(),
            layout.home().url(),
            layout.stylesheet().url(),
            null,
            null,
            layout.feed().url(),
            "noindex",
            null,
            context.nav(null));
    return new NotFoundView(frame);
  }
}
