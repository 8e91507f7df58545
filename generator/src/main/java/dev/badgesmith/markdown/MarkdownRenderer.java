package dev.badgesmith.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns the Markdown of a site (criteria, descriptions, narratives) into HTML that is safe to put
 * into a page as is. Site content comes from pull requests, so it is treated as untrusted: raw HTML
 * is escaped rather than passed through, links keep only safe protocols, and an image from another
 * host becomes a link to it: a page never loads anything from elsewhere (a tracking pixel would
 * tell a third party who views an earner's award).
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class MarkdownRenderer {
  // commonmark's default list also allows data:, which can carry a script-bearing SVG or HTML.
  private static final List<String> SAFE_PROTOCOLS = List.of("http", "https", "mailto");

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    List<Extension> extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(SAFE_PROTOCOLS))
            // The sanitizer blanks an unsafe URL; an empty href would still link to the page
            // itself, so drop the attribute and leave plain text.
            .attributeProviderFactory(context -> MarkdownRenderer::dropEmptyUrls)
            .build();
  }

  /** The document, with every image from another host turned into a link to it. */
  private Node parse(String markdown) {
    Node document = parser.parse(markdown);
    List<Image> outside = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            if (isOutside(image.getDestination())) {
              outside.add(image);
            }
            visitChildren(image);
          }
        });
    for (Image image : outside) {
      Link link = new Link(image.getDestination(), image.getTitle());
      for (Node child = image.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        link.appendChild(child); // the image's text, as the link's
        child = next;
      }
      image.insertAfter(link);
      image.unlink();
    }
    return document;
  }

  /**
   * Whether a URL loads from another host: {@code http:}, {@code https:} or {@code //}. Other
   * schemes are left to the sanitizer, which drops them.
   */
  private static boolean isOutside(String url) {
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("//") || u.startsWith("http:") || u.startsWith("https:");
  }

  /**
   * A Markdown document as plain text on one line, for a summary where no markup can go (a
   * certificate): the words of its blocks, white space made single spaces.
   */
  public String toPlainText(String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    Node document = parser.parse(markdown);
    List<Node> headings = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            headings.add(heading);
          }

          @Override
          public void visit(Link link) {
            links.add(link);
            visitChildren(link);
          }
        });
    // A summary reads as sentences: no headings, and a link's words without its address.
    headings.forEach(Node::unlink);
    for (Link link : links) {
      Node child = link.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        link.insertBefore(child);
        child = next;
      }
      link.unlink();
    }
    String text = TextContentRenderer.builder().build().render(document);
    return text.strip().replaceAll("\\s+", " ");
  }

  /**
   * Renders a Markdown document to sit under a heading of the page: its headings are renumbered so
   * the highest becomes {@code topLevel} and each further level used follows one below the other
   * (levels past 6 stay 6). The page keeps its one {@code h1} and an outline without gaps.
   *
   * @param topLevel the level of the document's highest heading, 2 to 6
   */
  public String toHtml(String markdown, int topLevel) {
    Objects.requireNonNull(markdown, "markdown");
    if (topLevel < 2 || topLevel > 6) {
      throw new IllegalArgumentException("heading level out of range: " + topLevel);
    }
    String plain = PlainParagraph.html(markdown);
    if (plain != null) {
      return plain;
    }
    Node document = parse(markdown);
    List<Heading> headings = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            headings.add(heading);
            visitChildren(heading);
          }
        });
    // The levels used, in order: # and ### become top and top + 1, not top and top + 2.
    List<Integer> levels = headings.stream().map(Heading::getLevel).distinct().sorted().toList();
    for (Heading heading : headings) {
      heading.setLevel(Math.min(6, topLevel + levels.indexOf(heading.getLevel())));
    }
    return renderer.render(document);
  }

  private static void dropEmptyUrls(Node node, String tagName, Map<String, String> attributes) {
    if (tagName.equals("a") && "".equals(attributes.get("href"))) {
      attributes.remove("href");
    } else if (tagName.equals("img") && "".equals(attributes.get("src"))) {
      attributes.remove("src");
    }
  }
}
