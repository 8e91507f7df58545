package dev.badgesmith.serve;

import java.util.List;
import java.util.Locale;

/**
 * What the server adds to HTML it sends, and never to the files on disk: the script that reloads
 * the page after a build, and while a build fails, a banner with its diagnostics.
 */
final class PreviewPages {
  /** Marks the injected script, so tests and people can tell it apart from the site's own. */
  static final String SCRIPT_MARKER = "badgesmith-serve-reload";

  static final String BANNER_ID = "badgesmith-build-failed";

  private static final String LAST_GOOD =
      "The build failed: this page is from the last good build.";
  private static final String NOTHING_BUILT =
      "The build failed: there is no good build to show yet.";

  private PreviewPages() {}

  /** The page with the reload script (and the banner, if given) before its last {@code </body>}. */
  static String inject(String html, long generation, List<String> problems) {
    String addition = (problems.isEmpty() ? "" : banner(LAST_GOOD, problems)) + script(generation);
    int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    if (at < 0) {
      return html + addition;
    }
    return html.substring(0, at) + addition + html.substring(at);
  }

  /** The page shown while there is no good build to show yet. */
  static String failurePage(long generation, List<String> problems) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>Badgesmith: the build failed</title>\n</head>\n<body>\n"
        + banner(NOTHING_BUILT, problems)
        + script(generation)
        + "</body>\n</html>\n";
  }

  /** The page shown for a path the site does not have, when it has no 404 page of its own. */
  static String notFoundPage(long generation, List<String> problems) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>Not found</title>\n</head>\n<body>\n<h1>Not found</h1>\n"
        + "<p>The site has no page at this address.</p>\n"
        + (problems.isEmpty() ? "" : banner(LAST_GOOD, problems))
        + script(generation)
        + "</body>\n</html>\n";
  }

  private static String script(long generation) {
    return "<script id=\""
        + SCRIPT_MARKER
        + "\">(function(){var built=\""
        + generation
        + "\";var events=new EventSource(\""
        + PreviewServer.EVENTS_PATH
        + "\");events.addEventListener(\""
        + ReloadChannel.EVENT
        + "\",function(e){if(e.data!==built){events.close();location.reload();}});})();"
        + "</script>\n";
  }

  private static String banner(String heading, List<String> problems) {
    StringBuilder text = new StringBuilder();
    for (String problem : problems) {
      text.append(escape(problem)).append('\n');
    }
    return "<div id=\""
        + BANNER_ID
        + "\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;z-index:2147483647;"
        + "max-height:60vh;overflow:auto;margin:0;padding:1em 1.5em;background:#fff4f4;"
        + "color:#5c0000;border-top:4px solid #c00;font:14px/1.45 ui-monospace,monospace;"
        + "text-align:left\"><strong>"
        + heading
        + " Fix what is below and save: the page reloads.</strong>"
        + "<pre style=\"white-space:pre-wrap;margin:.75em 0 0;font:inherit\">"
        + text
        + "</pre></div>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
