package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.badgesmith.diag.Code;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Rendering work is bounded before anything renders (issue 15, item 6): references must name an
 * element of the right kind, never lead back to themselves, and add up to at most {@link
 * ImageLimits#MAX_DRAWN} elements drawn, {@link ImageLimits#MAX_DEPTH} levels deep.
 */
class RenderBudgetTest {
  private static final long BUDGET = 4_000_000;
  private static final String OPEN =
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
          + " viewBox='0 0 10 10'>\n";

  private final ImageInspector inspector = new ImageInspector();

  /** Ten {@code <use>} of the level below, {@code levels} times: 10^levels rectangles, nested. */
  static String useBomb(int levels) {
    StringBuilder b =
        new StringBuilder(OPEN).append("<defs>\n<rect id='a0' width='1' height='1'/>\n");
    for (int level = 1; level <= levels; level++) {
      b.append("<g id='a").append(level).append("'>");
      for (int i = 0; i < 10; i++) {
        b.append("<use xlink:href='#a").append(level - 1).append("'/>");
      }
      b.append("</g>\n");
    }
    return b.append("</defs>\n<use xlink:href='#a").append(levels).append("'/>\n</svg>").toString();
  }

  @Test
  void refusesTheNestedUseBombOfTheIssueAtItsFirstGroupOverTheLimitWithoutExpandingIt() {
    String bomb = useBomb(8); // 10^8 rectangles in a 2 KB file
    assertThat(bomb.length()).isLessThan(2_200);

    List<ImageProblem> problems =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> inspector.inspect(utf8(bomb), "svg", BUDGET));

    assertThat(problems)
        .extracting(ImageProblem::code, ImageProblem::line, ImageProblem::column)
        .containsExactly(tuple(Code.IMAGE_OVER_LIMITS, 8, 1));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "the <g> element draws more than 50,000 elements (the limit) once each <use> is"
                + " expanded and each reference drawn");
    assertThat(problems.get(0).hint()).isPresent();
  }

  @Test
  void acceptsTenThousandCopiesWhichIsWithinTheLimit() {
    assertThat(inspector.inspect(utf8(useBomb(4)), "svg", BUDGET)).isEmpty();
  }

  @Test
  void countsAPaintServerOnceForEachElementThatInheritsIt() {
    String pattern =
        "<defs><pattern id='p' width='1' height='1'>"
            + "<circle r='0.1'/>".repeat(600)
            + "</pattern></defs>\n";
    String hundredRects = "<rect width='1' height='1'/>".repeat(100);

    assertThat(
            inspector.inspect(
                utf8(OPEN + pattern + "<rect fill='url(#p)'/></svg>"), "svg", 1L << 30))
        .as("one rectangle filled with a pattern of 600 circles")
        .isEmpty();
    assertThat(problems(OPEN + pattern + "<g fill='url(#p)'>" + hundredRects + "</g></svg>"))
        .as("100 rectangles inheriting it draw it 100 times")
        .extracting(t -> t.toList().subList(0, 3))
        .containsExactly(List.of(Code.IMAGE_OVER_LIMITS, 3, 1));
    assertThat(
            problems(
                OPEN
                    + pattern
                    + "<style>.a { fill: url(#p) }</style><rect class='a'/>"
                    + hundredRects
                    + "</svg>"))
        .as("a rule that names one element draws it once")
        .isEmpty();
    assertThat(
            problems(
                OPEN
                    + pattern
                    + "<style>g > rect { fill: url(#p) }</style><g>"
                    + hundredRects
                    + "</g></svg>"))
        .as("a rule for every rectangle in a group draws it for each")
        .extracting(t -> t.toList().get(0))
        .containsExactly(Code.IMAGE_OVER_LIMITS);
  }

  @Test
  void appliesARuleWhoseSelectorNamesNoElementToEveryElement() {
    for (String selector : List.of(">", "*", "svg *", "[fill]", ":hover", "g >")) {
      String svg =
          OPEN
              + "<linearGradient id='g'/><style>"
              + selector
              + " { fill: url(#g) }</style><rect width='1' height='1'/></svg>";
      assertThat(problems(svg)).as(selector).isEmpty();
    }
  }

  @Test
  void countsEachCharacterOfText() {
    String text = "<text y='5'>" + "x".repeat(50_001) + "</text>";

    assertThat(problems(OPEN + text + "</svg>"))
        .extracting(t -> t.toList().get(3))
        .containsExactly(
            "the <text> element draws more than 50,000 elements (the limit) once each <use> is"
                + " expanded and each reference drawn");
  }

  @Test
  void refusesAReferenceThatLeadsBackToItself() {
    assertThat(problems(OPEN + "<g id='a'>\n  <use href='#a'/></g></svg>"))
        .containsExactly(
            tuple(
                Code.IMAGE_CORRUPT,
                3,
                3,
                "the href attribute of <use> refers to #a, which leads back to it: drawing it"
                    + " would never end"));
    assertThat(
            problems(
                OPEN
                    + "<linearGradient id='a' xlink:href='#b'/>\n"
                    + "<linearGradient id='b' xlink:href='#a'/>\n"
                    + "<rect fill='url(#a)'/></svg>"))
        .extracting(t -> t.toList().get(3))
        .containsExactly(
            "the xlink:href attribute of <linearGradient> refers to #a, which leads back to it:"
                + " drawing it would never end");
    assertThat(
            problems(
                OPEN
                    + "<pattern id='p' width='1' height='1'><rect fill='url(#p)'/></pattern>"
                    + "<rect fill='url(#p)'/></svg>"))
        .extracting(t -> t.toList().get(3))
        .containsExactly(
            "the fill attribute of <rect> refers to #p, which leads back to it: drawing it would"
                + " never end");
  }

  @Test
  void refusesAReferenceToNothingOrToTheWrongKindOfElement() {
    String svg =
        OPEN
            + "<rect id='r' fill='url(#nothing)'/>\n"
            + "<use xlink:href='#gone'/>\n"
            + "<rect style='fill: url(#r)'/>\n"
            + "<linearGradient id='g'/><use href='#g'/>\n"
            + "<rect clip-path='url(#g)'/>\n"
            + "<style>.x { mask: url(#none) }</style></svg>";

    assertThat(problems(svg))
        .extracting(t -> t.toList().get(3))
        .containsExactly(
            "the fill attribute of <rect> refers to #nothing, which no element of the image has",
            "the xlink:href attribute of <use> refers to #gone, which no element of the image has",
            "the style attribute of <rect> refers to #r, a <rect>, where it needs a gradient or a"
                + " <pattern>",
            "the href attribute of <use> refers to #g, a <linearGradient>, where it needs a shape,"
                + " text, <image> or group",
            "the clip-path attribute of <rect> refers to #g, a <linearGradient>, where it needs a"
                + " <clipPath>",
            "the <style> element refers to #none, which no element of the image has");
  }

  @Test
  void refusesNestingDeeperThanTheLimitInTheFileOrThroughReferences() {
    String nested = "<g>".repeat(100) + "<rect/>" + "</g>".repeat(100);
    assertThat(problems(OPEN + nested + "</svg>"))
        .extracting(t -> t.toList().get(3))
        .containsExactly("the <g> element is nested 101 elements deep, over the limit of 100");

    StringBuilder chain = new StringBuilder(OPEN).append("<defs><rect id='u0'/>");
    for (int i = 1; i < 150; i++) {
      chain.append("<use id='u").append(i).append("' href='#u").append(i - 1).append("'/>");
    }
    chain.append("</defs><use href='#u149'/></svg>");
    assertThat(problems(chain.toString()))
        .extracting(t -> t.toList().get(3))
        .containsExactly(
            "the <use> element nests more than 100 levels deep (the limit) once its references are"
                + " followed");
  }

  @Test
  void refusesMoreElementsThanTheLimitAtTheFirstOneTooMany() {
    String atLimit = OPEN + "<g/>".repeat(ImageLimits.MAX_ELEMENTS - 1) + "</svg>";
    assertThat(problems(atLimit)).isEmpty();

    String over = OPEN + "<g/>".repeat(ImageLimits.MAX_ELEMENTS - 1) + "\n<rect/></svg>";
    assertThat(problems(over))
        .containsExactly(
            tuple(
                Code.IMAGE_OVER_LIMITS,
                3,
                1,
                "the image has more than 20,000 elements (the limit); this <rect> is one too"
                    + " many"));
  }

  @Test
  void checksFilesBuiltToMakeTheCheckItselfSlowInLittleTime() {
    String manyEntities = OPEN + "<text>" + "a&amp;".repeat(100_000) + "</text></svg>";
    String manyStatements = OPEN + "<style>" + "@charset 'x';".repeat(40_000) + "</style></svg>";
    String manyRules =
        OPEN
            + "<linearGradient id='g'/><style>"
            + ".a{fill:url(#g)}".repeat(6_000)
            + "</style>"
            + "<rect class='a'/>".repeat(6_000)
            + "</svg>";

    assertThat(inspectQuickly(manyEntities))
        .extracting(ImageProblem::code)
        .containsExactly(Code.IMAGE_OVER_LIMITS);
    assertThat(inspectQuickly(manyStatements)).as("allowed, if useless").isEmpty();
    assertThat(inspectQuickly(manyRules))
        .extracting(ImageProblem::message)
        .containsExactly(
            "the <style> element makes the image use its gradients, patterns, clip paths, masks"
                + " and filters more than 50,000 times, each drawing at least one element (the"
                + " limit)");
  }

  /** A pattern of one tile, as {@code <pattern ATTRIBUTES>}, filling the 10-unit canvas. */
  private static String patterned(String attributes, String use) {
    return OPEN
        + "<defs>\n<pattern id='p' "
        + attributes
        + "><rect width='0.001' height='0.001'/></pattern>\n</defs>\n"
        + use
        + "\n</svg>";
  }

  @Test
  void refusesPatternTilesTooSmallToDrawAtThePattern() {
    String tiny =
        patterned("width='0.0001' height='0.0001' patternUnits='userSpaceOnUse'", "") + "";
    List<Tuple> problems =
        problems(tiny.replace("</svg>", "<rect width='10' height='10' fill='url(#p)'/></svg>"));

    assertThat(problems)
        .containsExactly(
            tuple(
                Code.IMAGE_OVER_LIMITS,
                3,
                1,
                "the <pattern> element's tiles are too small: drawing the image would draw some"
                    + " 10,000,000,000 tiles of patterns, over the limit of 16,777,216"));
  }

  @Test
  void countsPatternTilesWithTheirUnitsTransformsAndEveryUse() {
    String fill = "<rect width='10' height='10' fill='url(#p)'/>";
    // 1/(0.001 x 0.001) tiles in each element's box: a million, sixteen times.
    assertThat(problems(patterned("width='0.001' height='0.001'", fill.repeat(16)))).isEmpty();
    assertThat(problems(patterned("width='0.001' height='0.001'", fill.repeat(17))))
        .extracting(t -> t.toList().get(0))
        .containsExactly(Code.IMAGE_OVER_LIMITS);
    // 0.01-unit tiles on the canvas are a million; shrunk a hundred times each way, 10^10.
    String user = "width='0.01' height='0.01' patternUnits='userSpaceOnUse'";
    assertThat(problems(patterned(user, fill))).isEmpty();
    assertThat(problems(patterned(user + " patternTransform='scale(0.01)'", fill))).hasSize(1);
    assertThat(problems(patterned(user, "<g transform='scale(0.01)'>" + fill + "</g>"))).hasSize(1);
    // A pattern takes the tile of the one its href names.
    assertThat(
            problems(
                patterned(user + " patternTransform='scale(0.01)'", "")
                    .replace(
                        "</defs>",
                        "<pattern id='q' xlink:href='#p'/></defs>"
                            + "<rect width='10' height='10' fill='url(#q)'/>")))
        .hasSize(1);
  }

  @Test
  void countsTheTilesOfAShapeOverItsOwnAreaWhateverUseShrinksIt() {
    // 1-unit tiles over a rectangle of 10^5 x 10^5 units, drawn a ten-thousandth of that size:
    // the canvas holds a hundred tiles, the rectangle 10^10, and Batik draws the rectangle's.
    String shrunk =
        patterned(
                "width='1' height='1' patternUnits='userSpaceOnUse'",
                "<use xlink:href='#big' transform='scale(0.0001)'/>")
            .replace(
                "</defs>", "<rect id='big' width='100000' height='100000' fill='url(#p)'/></defs>");
    assertThat(problems(shrunk))
        .extracting(t -> t.toList().subList(0, 3))
        .containsExactly(List.of(Code.IMAGE_OVER_LIMITS, 3, 1));
    // The same through a group whose fill the rectangle inherits.
    assertThat(
            problems(
                shrunk
                    .replace(" fill='url(#p)'", "")
                    .replace("<use ", "<g fill='url(#p)'><use ")
                    .replace("scale(0.0001)'/>", "scale(0.0001)'/></g>")))
        .hasSize(1);
  }

  @Test
  void refusesDashesTooFineForTheStrokesAtTheDasharray() {
    String circle = "<circle cx='5' cy='5' r='4' fill='none' stroke='navy'";
    assertThat(problems(OPEN + circle + " stroke-dasharray='0.001'/>\n</svg>")).isEmpty();
    assertThat(problems(OPEN + circle + " stroke-dasharray='0.00001'/>\n</svg>"))
        .containsExactly(
            tuple(
                Code.IMAGE_OVER_LIMITS,
                2,
                1,
                "the stroke-dasharray of <circle> is too fine for the strokes of the image: they"
                    + " are up to 25 units long, some 1,256,637 dashes, over the limit of"
                    + " 100,000"));
    assertThat(
            problems(
                OPEN
                    + "<style>.d { stroke-dash\\61rray: 1e-5 }</style>\n"
                    + circle
                    + " class='d'/>\n</svg>"))
        .as("in a style sheet, escaped")
        .extracting(t -> t.toList().subList(0, 3))
        .containsExactly(List.of(Code.IMAGE_OVER_LIMITS, 2, 1));
  }

  @Test
  void boundsThePathLengthByItsControlPolygon() {
    // 1000 segments of 10 units, dashed every 0.01 units: 10^6 dashes; absolute and relative.
    String absolute = "M0 0" + " L10 0 L0 0".repeat(500);
    String relative = "m0 0" + " h10 h-10".repeat(500);
    for (String d : List.of(absolute, relative)) {
      assertThat(
              problems(
                  OPEN + "<path d='" + d + "' stroke='navy' stroke-dasharray='0.005'/>\n</svg>"))
          .extracting(t -> t.toList().get(3).toString())
          .singleElement()
          .asString()
          .contains("up to 10,000 units long, some 1,000,000 dashes");
    }
  }

  private List<ImageProblem> inspectQuickly(String svg) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(3), () -> inspector.inspect(utf8(svg), "svg", 1L << 30));
  }

  private List<Tuple> problems(String svg) {
    return inspector.inspect(utf8(svg), "svg", BUDGET).stream()
        .map(p -> tuple(p.code(), p.line(), p.column(), p.message()))
        .toList();
  }
}
