package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.argb;
import static dev.badgesmith.images.Svgs.decode;
import static dev.badgesmith.images.Svgs.square;
import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.incremental.RenderedPngs;
import dev.badgesmith.model.SiteSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvgRasterizerTest {
  private static final int OPAQUE_BLUE = 0xff0000ff;
  private static final int OPAQUE_GREEN = 0xff00ff00;
  private static final int TRANSPARENT = 0x00000000;

  @TempDir Path temp;

  private final SvgRasterizer uncached = new SvgRasterizer(PngStore.NONE);

  @Test
  void rendersASimpleSvgToASquarePng() throws IOException {
    byte[] png = uncached.toPng(square("<circle cx='50' cy='50' r='40' fill='#0000ff'/>"), 512);

    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(512);
    assertThat(image.getHeight()).isEqualTo(512);
    assertThat(image.getRGB(256, 256)).isEqualTo(OPAQUE_BLUE);
    assertThat(image.getRGB(2, 2)).as("transparent outside the circle").isEqualTo(TRANSPARENT);
  }

  @Test
  void rendersAtTheSizeAsked() throws IOException {
    byte[] png = uncached.toPng(square("<rect width='100' height='100' fill='#0000ff'/>"), 64);

    assertThat(decode(png).getWidth()).isEqualTo(64);
    assertThat(decode(png).getHeight()).isEqualTo(64);
    assertThat(argb(png, 0, 0)).isEqualTo(OPAQUE_BLUE);
  }

  @Test
  void keepsTheAspectRatioOfAWideDesignAndCentresIt() throws IOException {
    for (String root : List.of("width='200' height='100'", "viewBox='0 0 200 100'")) {
      byte[] png =
          uncached.toPng(
              utf8(
                  "<svg "
                      + Svgs.NS
                      + " "
                      + root
                      + "><rect width='200' height='100' fill='#00ff00'/></svg>"),
              512);

      BufferedImage image = decode(png);
      assertThat(image.getWidth()).isEqualTo(512);
      assertThat(image.getHeight()).isEqualTo(512);
      // 200 x 100 fills 512 x 256, from y = 128 to 384.
      assertThat(image.getRGB(256, 256)).as(root).isEqualTo(OPAQUE_GREEN);
      assertThat(image.getRGB(2, 130)).as(root).isEqualTo(OPAQUE_GREEN);
      assertThat(image.getRGB(256, 120)).as(root + ": band above").isEqualTo(TRANSPARENT);
      assertThat(image.getRGB(256, 392)).as(root + ": band below").isEqualTo(TRANSPARENT);
    }
  }

  @Test
  void givesTheSameBytesForTheSameSvg() throws IOException {
    byte[] svg = square("<circle cx='50' cy='50' r='40' fill='#c0ffee' stroke='#123'/>");

    assertThat(uncached.toPng(svg, 64)).isEqualTo(new SvgRasterizer(PngStore.NONE).toPng(svg, 64));
  }

  @Test
  void writesNoChunkThatCouldVaryBetweenBuilds() throws IOException {
    byte[] png = uncached.toPng(square("<rect width='50' height='50' fill='red'/>"), 32);

    assertThat(Svgs.chunkTypes(png)).containsExactly("IHDR", "IDAT", "IEND");
  }

  @Test
  void servesASecondRequestFromTheCacheWithoutRenderingAgain() throws Exception {
    CountingPngStore store =
        new CountingPngStore(new RenderedPngs(key -> temp.resolve("cache").resolve(key + ".png")));
    SvgRasterizer rasterizer = new SvgRasterizer(store);
    byte[] svg = square("<rect width='100' height='100' fill='#0000ff'/>");

    byte[] first = rasterizer.toPng(svg, 128);
    Path entry = onlyFileIn(temp.resolve("cache"));
    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(entry, written);
    byte[] second = rasterizer.toPng(svg, 128);

    assertThat(second).isEqualTo(first);
    assertThat(store.renders()).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(entry)).as("not written again").isEqualTo(written);
    assertThat(entry.getFileName().toString()).isEqualTo(RenderedPngs.key(svg, 128, 128) + ".png");
  }

  @Test
  void aSecondRasterizerOnTheSameCacheFolderRendersNothing() throws IOException {
    byte[] svg = square("<rect width='100' height='100' fill='#0000ff'/>");
    int size = SiteSettings.DEFAULT_PNG_SIZE;
    byte[] first =
        new SvgRasterizer(new RenderedPngs(key -> temp.resolve(key + ".png"))).toPng(svg, size);

    CountingPngStore store =
        new CountingPngStore(new RenderedPngs(key -> temp.resolve(key + ".png")));
    SvgRasterizer nextBuild = new SvgRasterizer(store);
    assertThat(nextBuild.toPng(svg, size)).isEqualTo(first);
    assertThat(store.renders()).isZero();
  }

  @Test
  void theCacheKeyNamesTheBatikVersionInUse() {
    // A Batik upgrade must change the key, or old PNGs would be served as the new renderer's.
    assertThat(SvgRasterizer.RENDERER_VERSION)
        .startsWith("batik-" + org.apache.batik.Version.getVersion() + "/");
  }

  @Test
  void rendersAgainForAnotherSizeOrAnotherSvg() throws IOException {
    CountingPngStore store =
        new CountingPngStore(new RenderedPngs(key -> temp.resolve(key + ".png")));
    SvgRasterizer rasterizer = new SvgRasterizer(store);
    byte[] blue = square("<rect width='100' height='100' fill='#0000ff'/>");

    rasterizer.toPng(blue, 64);
    rasterizer.toPng(blue, 65);
    rasterizer.toPng(square("<rect width='100' height='100' fill='#00ff00'/>"), 64);

    assertThat(store.renders()).isEqualTo(3);
    assertThat(RenderedPngs.key(blue, 64, 64)).isNotEqualTo(RenderedPngs.key(blue, 65, 65));
  }

  @Test
  void replacesACacheEntryThatIsNotAPng() throws IOException {
    byte[] svg = square("<rect width='100' height='100' fill='#0000ff'/>");
    Files.writeString(temp.resolve(RenderedPngs.key(svg, 16, 16) + ".png"), "garbage");

    CountingPngStore store =
        new CountingPngStore(new RenderedPngs(key -> temp.resolve(key + ".png")));
    byte[] png = new SvgRasterizer(store).toPng(svg, 16);

    assertThat(argb(png, 8, 8)).isEqualTo(OPAQUE_BLUE);
    assertThat(store.renders()).isEqualTo(1);
    assertThat(Files.readAllBytes(onlyFileIn(temp))).isEqualTo(png);
  }

  @Test
  void rendersOnManyThreadsAtOnceIntoOneCache() throws Exception {
    SvgRasterizer rasterizer =
        new SvgRasterizer(new RenderedPngs(key -> temp.resolve(key + ".png")));
    List<byte[]> svgs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      svgs.add(square("<circle cx='50' cy='50' r='" + (10 + i) + "' fill='#0000ff'/>"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (byte[] svg : svgs) {
          results.add(pool.submit(() -> rasterizer.toPng(svg, 48)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(uncached.toPng(svgs.get(i % 8), 48));
      }
    } finally {
      pool.shutdown();
    }
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .hasSize(8)
          .allMatch(name -> name.endsWith(".png"));
    }
  }

  @Test
  void rejectsAnSvgThatIsNotWellFormed() {
    assertThatThrownBy(() -> uncached.toPng(utf8("<svg " + Svgs.NS + "><rect</svg>"), 64))
        .isInstanceOf(ImageRenderException.class)
        .hasMessageStartingWith("the SVG is not well-formed XML: line 1, column");
  }

  @Test
  void rejectsADocumentThatIsNotSvg() {
    assertThatThrownBy(() -> uncached.toPng(utf8("<html><body/></html>"), 64))
        .isInstanceOf(ImageRenderException.class)
        .hasMessage("the document is not SVG: its root element is <html>");
  }

  @Test
  void rejectsAnSvgBatikCannotRender() {
    assertThatThrownBy(() -> uncached.toPng(square("<path d='M 0 0 L zz'/>"), 64))
        .isInstanceOf(ImageRenderException.class)
        .hasMessageContaining("The attribute \"d\" of the element <path> is invalid");
  }

  @Test
  void rejectsSizesOutsideTheRange() {
    byte[] svg = square("");
    assertThatThrownBy(() -> uncached.toPng(svg, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> uncached.toPng(svg, SvgRasterizer.MAX_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rendersEmbeddedImagesGivenWithThePlainHrefOfSvg2() throws IOException {
    byte[] bluePng = uncached.toPng(square("<rect width='100' height='100' fill='#0000ff'/>"), 8);
    String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(bluePng);

    byte[] png =
        uncached.toPng(square("<image width='100' height='100' href='" + dataUri + "'/>"), 32);

    assertThat(argb(png, 16, 16)).isEqualTo(OPAQUE_BLUE);
  }

  @Test
  void runsNoScript() throws IOException {
    byte[] png =
        uncached.toPng(
            utf8(
                "<svg "
                    + Svgs.NS
                    + " viewBox='0 0 100 100' onload=\"document.getElementById('r')"
                    + ".setAttribute('fill','#00ff00')\"><script>"
                    + "document.getElementById('r').setAttribute('fill','#00ff00')</script>"
                    + "<rect id='r' width='100' height='100' fill='#0000ff'/></svg>"),
            16);

    assertThat(argb(png, 8, 8)).isEqualTo(OPAQUE_BLUE);
  }

  private static Path onlyFileIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  @Test
  void checkRendersTheDesignOnceForTheBuildThatFollows() throws IOException {
    byte[] design = square("<rect width='100' height='100' fill='#0000ff'/>");

    CountingPngStore store = new CountingPngStore();
    SvgRasterizer rasterizer = new SvgRasterizer(store);

    assertThat(rasterizer.check(design, 64)).isEmpty();
    byte[] png = rasterizer.toPng(new ImageInspector().publishedSvg(design), 64);

    assertThat(store.renders()).isEqualTo(1);
    assertThat(argb(png, 0, 0)).isEqualTo(OPAQUE_BLUE);
  }

  @Test
  void checkPlacesWhatTheRendererRefusesAtItsElement() throws IOException {
    byte[] design =
        utf8(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>\n"
                + "  <circle cx='5' cy='5' r='4' fill='#00f'/>\n"
                + "  <g><rect x='1' y='1' height='3'/></g>\n"
                + "</svg>");

    ImageProblem problem = uncached.check(design, 64).orElseThrow();

    assertThat(problem.code().id()).isEqualTo("BSG300");
    assertThat(problem.message())
        .isEqualTo(
            "the SVG cannot be rendered: The attribute \"width\" of the element <rect> is"
                + " required");
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.column()).isEqualTo(6);
  }
}
