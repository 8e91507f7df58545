package dev.badgesmith.bake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Bakes a payload into an SVG as the first child of the root {@code <svg>} element.
 *
 * <p>JSON goes in a CDATA section: {@code <openbadges:assertion verify="URL"><![CDATA[...]]>
 * </openbadges:assertion>} for Open Badges 2.0 (with {@code verify} when the hosted assertion URL
 * is given) and {@code <openbadges:credential><![CDATA[...]]></openbadges:credential>} for 3.0. A
 * payload that is not JSON (a compact JWS) goes in the {@code verify} attribute of an empty
 * element, as both specifications say.
 *
 * <p>The file is edited as text, never re-serialised: the namespace declaration is added to the
 * root start tag, the element inserted after it, and an element of the same version baked before is
 * removed; every other byte stays. The prefix is {@code openbadges}, as the reference readers
 * expect, unless the root binds it to another namespace (the other version's), in which case the
 * first free {@code openbadgesN} is used. A file whose {@code <svg} starts after its first 256
 * bytes is refused rather than trimmed, since some readers look for it only there; only UTF-8 files
 * are baked, and a DOCTYPE with an internal subset is refused.
 */
public final class SvgBaker {
  /** Readers such as the Python bakery detect an SVG by {@code <svg} in this many bytes. */
  static final int SNIFF_BYTES = 256;

  private SvgBaker() {}

  /**
   * Returns a copy of {@code svg} carrying {@code payload}.
   *
   * @param verifyUrl the hosted assertion URL for the {@code verify} attribute (Open Badges 2.0
   *     JSON only)
   * @throws BakeException when {@code svg} is not a well-formed UTF-8 SVG file that can be baked
   * @throws IllegalArgumentException for a verify URL with a 3.0 or JWS payload, or a payload
   *     holding characters XML cannot carry
   */
  public static byte[] bake(
      byte[] svg, BadgeVersion version, String payload, Optional<String> verifyUrl) {
    return template(svg, version).bake(payload, verifyUrl);
  }

  /**
   * {@code svg} read once, to bake any number of payloads of {@code version} into: what comes
   * before the baked element and what comes after it. A site bakes every award of a badge class
   * into one design, so the file is parsed once per class, not once per award.
   *
   * @throws BakeException when {@code svg} is not a well-formed UTF-8 SVG file that can be baked
   */
  public static Template template(byte[] svg, BadgeVersion version) {
    Objects.requireNonNull(svg, "svg");
    Objects.requireNonNull(version, "version");
    if (!SvgDocument.looksLikeXml(svg)) {
      throw new BakeException("not an SVG file (it does not start with '<')");
    }
    SvgDocument document = SvgDocument.parse(svg);
    SvgDocument.Offsets offsets = document.offsets(svg);
    int rootStart = offsets.start()[0];
    if (rootStart + "<svg".length() > SNIFF_BYTES) {
      throw new BakeException(
          "the root <svg> element starts at byte "
              + rootStart
              + "; readers look for it in the first "
              + SNIFF_BYTES
              + " bytes, so shorten what comes before it (comments, DOCTYPE)");
    }

    String prefix = prefix(document, version);
    boolean declare = !version.svgNamespace().equals(document.rootNamespaces.get(prefix));

    int rootTagEnd = offsets.tagEnd()[0];
    boolean rootEmpty = offsets.empty()[0];
    int closer = rootEmpty ? rootTagEnd - 2 : rootTagEnd - 1;
    int attributesEnd = closer;
    while (SvgDocument.isSpace(svg[attributesEnd - 1])) {
      attributesEnd--;
    }

    ByteArrayOutputStream head = new ByteArrayOutputStream(rootTagEnd + 64);
    head.write(svg, 0, attributesEnd);
    if (declare) {
      write(head, " xmlns:" + prefix + "=\"" + version.svgNamespace() + "\"");
    }
    ByteArrayOutputStream tail = new ByteArrayOutputStream(svg.length - rootTagEnd + 16);
    if (rootEmpty) {
      head.write(svg, attributesEnd, closer - attributesEnd);
      write(head, ">");
      write(tail, "</" + rootName(svg, rootStart) + ">");
      tail.write(svg, rootTagEnd, svg.length - rootTagEnd);
      return new Template(version, prefix, head.toByteArray(), tail.toByteArray());
    }
    head.write(svg, attributesEnd, rootTagEnd - attributesEnd);
    int copied = rootTagEnd;
    for (SvgDocument.Element old : document.elements) {
      if (old.version() == version) {
        int from = offsets.start()[old.index()];
        tail.write(svg, copied, from - copied);
        copied = offsets.end()[old.index()];
      }
    }
    tail.write(svg, copied, svg.length - copied);
    return new Template(version, prefix, head.toByteArray(), tail.toByteArray());
  }

  /**
   * An SVG ready to be baked: its bytes up to the end of the root start tag (with the namespace
   * declared), and from there on (without an element of the same version baked before).
   */
  public static final class Template {
    private final BadgeVersion version;
    private final String prefix;
    private final byte[] head;
    private final byte[] tail;

    private Template(BadgeVersion version, String prefix, byte[] head, byte[] tail) {
      this.version = version;
      this.prefix = prefix;
      this.head = head;
      this.tail = tail;
    }

    /**
     * The SVG carrying {@code payload}.
     *
     * @param verifyUrl the hosted assertion URL for the {@code verify} attribute (Open Badges 2.0
     *     JSON only)
     * @throws IllegalArgumentException for a verify URL with a 3.0 or JWS payload, or a payload
     *     holding characters XML cannot carry
     */
    public byte[] bake(String payload, Optional<String> verifyUrl) {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(verifyUrl, "verifyUrl");
      checkXmlCharacters(payload);
      boolean json = startsJson(payload);
      if (verifyUrl.isPresent() && (version != BadgeVersion.OB2 || !json)) {
        throw new IllegalArgumentException(
            "a verify URL goes only with an Open Badges 2.0 JSON assertion");
      }
      byte[] element =
          element(prefix, version, payload, json, verifyUrl).getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[head.length + element.length + tail.length];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(element, 0, out, head.length, element.length);
      System.arraycopy(tail, 0, out, head.length + element.length, tail.length);
      return out;
    }
  }

  /** Whether the payload, leading white space left out, starts with {@code {}: without a copy. */
  private static boolean startsJson(String payload) {
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  private static String prefix(SvgDocument document, BadgeVersion version) {
    String prefix = "openbadges";
    for (int n = 2; ; n++) {
      String bound = document.rootNamespaces.get(prefix);
      if (bound == null || bound.equals(version.svgNamespace())) {
        return prefix;
      }
      prefix = "openbadges" + n;
    }
  }

  private static String element(
      String prefix, BadgeVersion version, String payload, boolean json, Optional<String> url) {
    String name = prefix + ":" + version.svgElement();
    if (!json) {
      return "<" + name + " verify=\"" + escapeAttribute(payload) + "\"/>";
    }
    String verify = url.map(u -> " verify=\"" + escapeAttribute(u) + "\"").orElse("");
    return "<" + name + verify + ">" + cdata(payload) + "</" + name + ">";
  }

  /**
   * One CDATA section when it can be: in a {@code ]]>} inside a JSON string, the {@code >} is
   * written as its JSON escape (backslash, u003e), the same JSON, because the reference readers
   * (mozilla's, 1EdTech's) take only the first CDATA section. Anywhere else the section ends after
   * {@code ]]} and another starts.
   */
  static String cdata(String payload) {
    if (!payload.contains("]]>")) {
      return "<![CDATA[" + payload + "]]>";
    }
    StringBuilder b = new StringBuilder(payload.length() + 32).append("<![CDATA[");
    boolean inString = false;
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      if (inString && c == '\\' && i + 1 < payload.length()) {
        b.append(c).append(payload.charAt(++i));
        continue;
      }
      if (c == '"') {
        inString = !inString;
      } else if (c == '>' && i >= 2 && payload.startsWith("]]", i - 2)) {
        b.append(inString ? "\\u003e" : "]]><![CDATA[>");
        continue;
      }
      b.append(c);
    }
    return b.append("]]>").toString();
  }

  private static String rootName(byte[] svg, int rootStart) {
    int end = rootStart + 1;
    while (end < svg.length
        && !SvgDocument.isSpace(svg[end])
        && svg[end] != '/'
        && svg[end] != '>') {
      end++;
    }
    return new String(svg, rootStart + 1, end - rootStart - 1, StandardCharsets.UTF_8);
  }

  private static String escapeAttribute(String value) {
    StringBuilder b = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '"' -> b.append("&quot;");
        case '\t' -> b.append("&#9;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void checkXmlCharacters(String payload) {
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
        throw new IllegalArgumentException(
            "the payload holds U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                + ", which XML cannot carry");
      }
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
