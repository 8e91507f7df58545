package dev.badgesmith.bake;

/** The Open Badges version a baked payload belongs to, with the names each baking format uses. */
public enum BadgeVersion {
  OB2("Open Badges 2.0 assertion", "openbadges", "http://openbadges.org", "assertion"),
  OB3(
      "Open Badges 3.0 credential",
      "openbadgecredential",
      "https://purl.imsglobal.org/ob/v3p0",
      "credential");

  private final String title;
  private final String pngKeyword;
  private final String svgNamespace;
  private final String svgElement;

  BadgeVersion(String title, String pngKeyword, String svgNamespace, String svgElement) {
    this.title = title;
    this.pngKeyword = pngKeyword;
    this.svgNamespace = svgNamespace;
    this.svgElement = svgElement;
  }

  /** What a person calls the payload, such as {@code Open Badges 2.0 assertion}. */
  public String title() {
    return title;
  }

  /** The keyword of the PNG {@code iTXt} chunk. */
  public String pngKeyword() {
    return pngKeyword;
  }

  /** The namespace of the SVG element. */
  public String svgNamespace() {
    return svgNamespace;
  }

  /** The local name of the SVG element. */
  public String svgElement() {
    return svgElement;
  }
}
