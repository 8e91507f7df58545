package dev.badgesmith.images;

import dev.badgesmith.images.CssTokens.Kind;
import dev.badgesmith.images.CssTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the CSS of an SVG badge image (a {@code <style>} element, a {@code style} attribute or a
 * presentation attribute) as a browser reads it: comments, strings and escapes are tokenised first,
 * so {@code @\69mport} is an {@code @import} and {@code u\72l(} a {@code url(}. Refused: any
 * {@code @import}, any {@code url()} but {@code url(#id)}, {@code url(#id)} outside the properties
 * that may refer to an element, CSS functions and at-rules not on a short list. Collects every
 * {@code url(#id)} with its property and, in a stylesheet, its rule's selectors.
 */
final class CssCheck {
  /** A {@code url(#id)} in a property. */
  record Reference(String property, String id) {}

  /**
   * A rule and the references its declarations make.
   *
   * @param selectors each selector of the rule, as read; {@code *} for rules that may apply to any
   *     element (inside {@code @keyframes}, or unparsed)
   */
  record Rule(List<String> selectors, List<Reference> references) {}

  /** Something refused: why, as "refers to url(x) outside the image", and what to do. */
  record Finding(String why, String hint) {}

  private static final Set<String> FUNCTIONS =
      Set.of(
          ("rgb rgba hsl hsla hwb lab lch oklab oklch color calc min max clamp var local format"
                  + " translate translatex translatey rotate scale scalex scaley skew skewx skewy"
                  + " matrix cubic-bezier steps blur brightness contrast drop-shadow grayscale"
                  + " hue-rotate invert opacity saturate sepia rect not is where nth-child"
                  + " nth-last-child nth-of-type nth-last-of-type lang dir")
              .split(" "));

  private static final Set<String> BLOCK_RULES = Set.of("media", "supports");
  private static final Set<String> DECLARATION_RULES = Set.of("font-face", "page");
  private static final Set<String> KEYFRAMES = Set.of("keyframes", "-webkit-keyframes");
  private static final Set<String> STATEMENTS = Set.of("charset", "namespace");
  private static final List<String> ANY = List.of("*");

  final List<Finding> findings = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();

  /** The values of every {@code stroke-dasharray} declared, as written without comments. */
  final List<String> dashArrays = new ArrayList<>();

  private final List<Token> tokens;

  private CssCheck(String css) {
    this.tokens = CssTokens.tokenize(css);
  }

  /** A {@code style} attribute: declarations. */
  static CssCheck declarations(String css) {
    CssCheck check = new CssCheck(css);
    List<Reference> references = new ArrayList<>();
    check.declarations(0, check.tokens.size(), references);
    check.rules.add(new Rule(List.of(), references));
    return check;
  }

  /** A presentation attribute: the value of one property. */
  static CssCheck value(String property, String css) {
    CssCheck check = new CssCheck(css);
    List<Reference> references = new ArrayList<>();
    check.value(property, 0, check.tokens.size(), references);
    check.rules.add(new Rule(List.of(), references));
    return check;
  }

  /** A {@code <style>} element: a stylesheet. */
  static CssCheck stylesheet(String css) {
    CssCheck check = new CssCheck(css);
    check.rules(0, check.tokens.size(), false);
    return check;
  }

  /** Every reference, whatever its rule. */
  List<Reference> references() {
    List<Reference> all = new ArrayList<>();
    rules.forEach(r -> all.addAll(r.references()));
    return all;
  }

  // ------------------------------------------------------------------------------- structure

  private void rules(int from, int to, boolean anyElement) {
    int i = from;
    while (i < to) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.WS || t.kind() == Kind.SEMICOLON || t.kind() == Kind.RBRACE) {
        i++;
      } else if (t.kind() == Kind.AT) {
        i = atRule(i, to);
      } else {
        int open = find(i, to, Kind.LBRACE);
        value(null, i, open, new ArrayList<>());
        if (open == to) {
          return;
        }
        int close = matching(open, to);
        List<String> selectors = anyElement ? ANY : selectors(i, open);
        List<Reference> references = new ArrayList<>();
        declarations(open + 1, close, references);
        rules.add(new Rule(selectors, references));
        i = close + 1;
      }
    }
  }

  private int atRule(int at, int to) {
    String name = tokens.get(at).text().toLowerCase(Locale.ROOT);
    int open = at + 1;
    while (open < to
        && tokens.get(open).kind() != Kind.LBRACE
        && tokens.get(open).kind() != Kind.SEMICOLON) {
      open++;
    }
    if (open == to || tokens.get(open).kind() == Kind.SEMICOLON || name.equals("import")) {
      int end = open;
      if (name.equals("import")) {
        findings.add(
            new Finding(
                "imports '"
                    + SvgTree.shorten(importTarget(at + 1, end))
                    + "' from outside the image",
                "copy the rules into the <style> element"));
      } else {
        if (!STATEMENTS.contains(name)) {
          refuseAtRule(name);
          value(null, at + 1, end, new ArrayList<>());
        } else if (!name.equals("namespace")) {
          // A namespace's URL names it and is never fetched.
          value(null, at + 1, end, new ArrayList<>());
        }
      }
      return end + 1;
    }
    value(null, at + 1, open, new ArrayList<>());
    int close = matching(open, to);
    if (BLOCK_RULES.contains(name)) {
      rules(open + 1, close, false);
    } else if (KEYFRAMES.contains(name)) {
      rules(open + 1, close, true);
    } else if (DECLARATION_RULES.contains(name)) {
      List<Reference> references = new ArrayList<>();
      declarations(open + 1, close, references);
      rules.add(new Rule(ANY, references));
    } else {
      refuseAtRule(name);
      value(null, open + 1, close, new ArrayList<>());
    }
    return close + 1;
  }

  private void refuseAtRule(String name) {
    findings.add(
        new Finding(
            "uses the at-rule @" + name + ", which a badge image may not",
            "remove the rule: a badge's style needs @media at most"));
  }

  private String importTarget(int from, int to) {
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.STRING || t.kind() == Kind.URL) {
        return t.text();
      }
    }
    return "";
  }

  private void declarations(int from, int to, List<Reference> references) {
    int i = from;
    while (i < to) {
      int end = find(i, to, Kind.SEMICOLON);
      int name = skipSpace(i, end);
      int colon = name < end ? skipSpace(name + 1, end) : end;
      if (name < end
          && tokens.get(name).kind() == Kind.IDENT
          && colon < end
          && tokens.get(colon).kind() == Kind.COLON) {
        value(tokens.get(name).text().toLowerCase(Locale.ROOT), colon + 1, end, references);
      } else {
        value(null, i, end, references);
      }
      i = end + 1;
    }
  }

  private void value(String property, int from, int to, List<Reference> references) {
    if ("stroke-dasharray".equals(property)) {
      StringBuilder text = new StringBuilder();
      tokens
          .subList(from, to)
          .forEach(t -> text.append(t.text()).append(t.kind() == Kind.IDENT ? " " : ""));
      dashArrays.add(text.toString());
    }
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case URL -> url(property, t.text(), references);
        case FUNCTION -> {
          String name = t.text().toLowerCase(Locale.ROOT);
          if (name.equals("url")) {
            int arg = skipSpace(i + 1, to);
            url(
                property,
                arg < to && tokens.get(arg).kind() == Kind.STRING ? tokens.get(arg).text() : "",
                references);
          } else if (!FUNCTIONS.contains(name)) {
            findings.add(
                new Finding(
                    "uses the CSS function " + name + "(), which a badge image may not",
                    "use colours, gradients and references to this image's elements (url(#id))"));
          }
        }
        case AT -> {
          if (t.text().equalsIgnoreCase("import")) {
            findings.add(
                new Finding(
                    "imports '"
                        + SvgTree.shorten(importTarget(i + 1, to))
                        + "' from outside the image",
                    "copy the rules into the <style> element"));
          } else {
            refuseAtRule(t.text().toLowerCase(Locale.ROOT));
          }
        }
        default -> {}
      }
    }
  }

  private void url(String property, String target, List<Reference> references) {
    String ref = target.strip();
    if (!ref.startsWith("#") || !isName(ref.substring(1))) {
      findings.add(
          new Finding(
              "refers to url(" + SvgTree.shorten(ref) + ") outside the image",
              "refer to an element of this image (#id); embed a picture with <image> and a data:"
                  + " URI"));
    } else if (property == null || !SvgAllowList.URL_TARGETS.containsKey(property)) {
      findings.add(
          new Finding(
              "uses url("
                  + ref
                  + ")"
                  + (property == null ? "" : " in " + property)
                  + ", where only fill, stroke, clip-path, mask and filter may refer to an element",
              "remove the url()"));
    } else {
      references.add(new Reference(property, ref.substring(1)));
    }
  }

  /** The selectors of a rule, split at commas, written back from their tokens, escapes decoded. */
  private List<String> selectors(int from, int to) {
    List<String> selectors = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case COMMA -> {
          selectors.add(b.toString().strip());
          b.setLength(0);
        }
        case HASH -> b.append('#').append(t.text());
        case WS -> b.append(' ');
        case FUNCTION -> b.append(t.text()).append('(');
        case STRING -> b.append('"').append(t.text()).append('"');
        default -> b.append(t.text());
      }
    }
    selectors.add(b.toString().strip());
    return selectors;
  }

  private int find(int from, int to, Kind kind) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      Kind k = tokens.get(i).kind();
      if (k == kind && depth == 0) {
        return i;
      }
      if (k == Kind.LBRACE) {
        depth++;
      } else if (k == Kind.RBRACE && depth > 0) {
        depth--;
      }
    }
    return to;
  }

  private int matching(int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      Kind k = tokens.get(i).kind();
      if (k == Kind.LBRACE) {
        depth++;
      } else if (k == Kind.RBRACE && --depth == 0) {
        return i;
      }
    }
    return to;
  }

  private int skipSpace(int from, int to) {
    int i = from;
    while (i < to && tokens.get(i).kind() == Kind.WS) {
      i++;
    }
    return i;
  }

  static boolean isName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':')) {
        return false;
      }
    }
    return true;
  }
}
