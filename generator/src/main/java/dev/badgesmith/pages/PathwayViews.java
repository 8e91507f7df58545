package dev.badgesmith.pages;

import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pathway pages of stack badges: every badge a stack badge builds on, through the badges they
 * build on in turn, laid out in columns from the first steps (left) to the stack badge (right).
 */
final class PathwayViews {
  private static final int BOX_WIDTH = 200;
  private static final int BOX_HEIGHT = 56;
  private static final int COLUMN_GAP = 64;
  private static final int ROW_GAP = 24;
  private static final int MARGIN = 8;
  private static final int LABEL_LENGTH = 24;

  private final ViewContext context;
  private final Site site;
  private final SiteLayout layout;

  PathwayViews(ViewContext context) {
    this.context = context;
    this.site = context.site();
    this.layout = context.layout();
  }

  /** The stack badges: those whose rule names any badge. */
  List<BadgeClass> stacks() {
    return site.badges().stream().filter(BadgeClass::isStack).toList();
  }

  PathwayPageView pathwayPage(BadgeClass stack) {
    List<List<BadgeClass>> columns = columns(stack);
    Map<String, PathwayMapView.Node> boxes = new LinkedHashMap<>();
    List<PathwayStepView> steps = new ArrayList<>();
    int rows = columns.stream().mapToInt(List::size).max().orElse(1);
    for (int c = 0; c < columns.size(); c++) {
      List<BadgeClass> column = columns.get(c);
      for (int r = 0; r < column.size(); r++) {
        BadgeClass badge = column.get(r);
        int earners = earners(badge);
        LinkView link = context.badgeLink(badge.id());
        boxes.put(
            badge.id(),
            new PathwayMapView.Node(
                MARGIN + c * (BOX_WIDTH + COLUMN_GAP),
                MARGIN + r * (BOX_HEIGHT + ROW_GAP),
                BOX_WIDTH,
                BOX_HEIGHT,
                badge.name(),
                label(badge.name()),
                context.text("pathway.earners", earners),
                link.url()));
        steps.add(
            new PathwayStepView(
                link,
                earners,
                RequirementWords.phrase(badge.requirement(), this::name, context.messages())
                    .orElse(null)));
      }
    }
    List<PathwayMapView.Edge> edges = new ArrayList<>();
    for (Map.Entry<String, PathwayMapView.Node> to : boxes.entrySet()) {
      BadgeClass badge = site.badge(to.getKey()).orElseThrow();
      for (String required : badge.requires()) {
        PathwayMapView.Node from = boxes.get(required);
        edges.add(
            new PathwayMapView.Edge(
                from.x() + from.width(),
                from.y() + from.height() / 2,
                to.getValue().x(),
                to.getValue().y() + to.getValue().height() / 2));
      }
    }
    PathwayMapView map =
        new PathwayMapView(
            2 * MARGIN + columns.size() * BOX_WIDTH + (columns.size() - 1) * COLUMN_GAP,
            2 * MARGIN + rows * BOX_HEIGHT + (rows - 1) * ROW_GAP,
            List.copyOf(boxes.values()),
            edges);
    return new PathwayPageView(
        context.frame(
            context.text("pathway.title", stack.name(), site.settings().title()),
            context.text("pathway.description", stack.name()),
            layout.pathwayPage(stack.id()),
            layout.badgeJson(stack.id()).url()),
        context.badgeLink(stack.id()),
        layout.badgeImage(stack).url(),
        ViewContext.imageAlt(stack),
        context.text(
            "requirement.sentence",
            RequirementWords.phrase(stack.requirement(), this::name, context.messages())
                .orElse("")),
        steps,
        map);
  }

  /**
   * The badges of the pathway by column: a badge stands one column left of the leftmost badge that
   * requires it, so every arrow points right; the stack badge is alone in the last column.
   */
  private List<List<BadgeClass>> columns(BadgeClass stack) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    depth.put(stack.id(), 0);
    // The requirements form no cycle (validation refuses one), so depths settle.
    Deque<String> todo = new ArrayDeque<>(List.of(stack.id()));
    while (!todo.isEmpty()) {
      String id = todo.removeFirst();
      for (String required : site.badge(id).orElseThrow().requires()) {
        int d = depth.get(id) + 1;
        if (depth.getOrDefault(required, -1) < d) {
          depth.put(required, d);
          todo.addLast(required);
        }
      }
    }
    int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    TreeMap<Integer, List<BadgeClass>> byColumn = new TreeMap<>();
    depth.forEach(
        (id, d) ->
            byColumn
                .computeIfAbsent(deepest - d, k -> new ArrayList<>())
                .add(site.badge(id).orElseThrow()));
    byColumn
        .values()
        .forEach(c -> c.sort(Comparator.comparing(BadgeClass::name).thenComparing(BadgeClass::id)));
    return List.copyOf(byColumn.values());
  }

  private int earners(BadgeClass badge) {
    return (int)
        context.awardsOf(badge).stream().filter(a -> !a.revoked() && !context.expired(a)).count();
  }

  private String name(String badgeId) {
    return context.badgeLink(badgeId).text();
  }

  private static String label(String name) {
    return name.codePointCount(0, name.length()) <= LABEL_LENGTH
        ? name
        : name.substring(0, name.offsetByCodePoints(0, LABEL_LENGTH - 1)) + "…";
  }
}
