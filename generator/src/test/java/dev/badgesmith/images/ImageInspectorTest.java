package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Severity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {
  private static final long BUDGET = 1_000_000;
  private static final String CLEAN_SVG =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
        "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
           width="512" height="512" viewBox="0 0 100 100">
        <defs>
          <linearGradient id="g"><stop offset="0" stop-color="#fc0"/></linearGradient>
          <circle id="dot" r="4"/>
        </defs>
        <style>.ring { stroke: url(#g); fill: url( '#g' ) }</style>
        <circle class="ring" cx="50" cy="50" r="45" style="fill: url(#g)"/>
        <use href="#dot" x="50" y="50"/>
        <use xlink:href="#dot" x="20" y="20"/>
        <image width="10" height="10" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4f4bhPwAHZALLB0SopwAAAABJRU5ErkJggg=="/>
        <text x="50" y="90" font-family="DejaVu Sans, sans-serif">Reviewer</text>
      </svg>
      """;

  private final ImageInspector inspector = new ImageInspector();

  @Test
  void aCleanSvgDesignHasNoProblem() {
    assertThat(inspector.inspect(utf8(CLEAN_SVG), "svg", BUDGET)).isEmpty();
  }

  @Test
  void aCleanPngHasNoProblem() throws IOException {
    assertThat(inspector.inspect(png(rgba(16, 16), false), "png", BUDGET)).isEmpty();
    assertThat(inspector.inspect(png(rgba(33, 33), true), "png", BUDGET))
        .as("interlaced")
        .isEmpty();
    assertThat(
            inspector.inspect(
                png(image(17, 17, BufferedImage.TYPE_BYTE_INDEXED), false), "png", BUDGET))
        .as("palette")
        .isEmpty();
    assertThat(
            inspector.inspect(
                png(image(9, 9, BufferedImage.TYPE_USHORT_GRAY), true), "png", BUDGET))
        .as("16-bit grey, interlaced")
        .isEmpty();
    assertThat(
            inspector.inspect(
                png(image(5, 5, BufferedImage.TYPE_BYTE_BINARY), false), "png", BUDGET))
        .as("1 bit")
        .isEmpty();
  }

  @Test
  void anImageOverTheBudgetIsTooLarge() throws IOException {
    byte[] png = png(rgba(16, 16), false);

    ImageProblem problem = only(inspector.inspect(png, "png", 10));

    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
    assertThat(problem.code()).isEqualTo(Code.IMAGE_TOO_LARGE);
    assertThat(problem.message())
        .isEqualTo("the image is " + png.length + " bytes, over the budget of 10 bytes");
    assertThat(problem.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("oxipng"));
    assertThat(only(inspector.inspect(utf8(CLEAN_SVG), "svg", 10)).hint())
        .hasValueSatisfying(hint -> assertThat(hint).contains("svgo"));
  }

  @Test
  void aNonSquarePngIsAWarning() throws IOException {
    ImageProblem problem = only(inspector.inspect(png(rgba(30, 20), false), "png", BUDGET));

    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
    assertThat(problem.code()).isEqualTo(Code.IMAGE_NOT_SQUARE);
    assertThat(problem.message())
        .isEqualTo("the image is 30 x 20 px, not square; badges are shown in a square");
  }

  @Test
  void aNonSquareSvgIsAWarning() {
    assertThat(only(inspector.inspect(svg("viewBox='0 0 200 100'", ""), "svg", BUDGET)))
        .extracting(ImageProblem::severity, ImageProblem::code, ImageProblem::message)
        .containsExactly(
            Severity.WARNING,
            Code.IMAGE_NOT_SQUARE,
            "the image is 200 x 100 (viewBox), not square; badges are shown in a square");
    assertThat(
            only(inspector.inspect(svg("width='3cm' height='2cm'", ""), "svg", BUDGET)).message())
        .startsWith("the image is 3 x 2cm, not square");
    assertThat(inspector.inspect(svg("width='100%' height='50%'", ""), "svg", BUDGET))
        .as("relative sizes say nothing about the shape")
        .isEmpty();
  }

  @Test
  void aPngWithoutItsSignatureIsCorrupt() {
    assertCorrupt(
        utf8("GIF89a...."), "the PNG is corrupt: it does not start with the PNG signature");
  }

  @Test
  void aTruncatedPngIsCorrupt() throws IOException {
    byte[] png = png(rgba(16, 16), false);

    assertCorrupt(
        Arrays.copyOf(png, png.length - 12), "the PNG is corrupt: it is truncated (no IEND chunk)");
    assertCorrupt(
        Arrays.copyOf(png, png.length - 30),
        "the PNG is corrupt: it is truncated in the IDAT chunk");
  }

  @Test
  void aPngWithABadCrcIsCorrupt() throws IOException {
    byte[] png = png(rgba(16, 16), false);
    png[45] ^= 0x55; // inside IDAT's data

    assertCorrupt(png, "the PNG is corrupt: the CRC of the IDAT chunk is wrong");
  }

  @Test
  void aPngThatDoesNotStartWithIhdrIsCorrupt() {
    byte[] png = concat(signature(), chunk("IEND", new byte[0]));

    assertCorrupt(png, "the PNG is corrupt: its first chunk is IEND, not IHDR");
  }

  @Test
  void aPngWhosePixelDataCannotBeDecodedIsCorrupt() throws IOException {
    byte[] ihdr = ihdr(4, 4);
    byte[] garbage = chunk("IDAT", utf8("not zlib at all"));
    assertCorrupt(
        concat(signature(), ihdr, garbage, chunk("IEND", new byte[0])),
        "the PNG is corrupt: its compressed pixel data is invalid (incorrect header check)");

    byte[] noPixels = concat(signature(), ihdr, chunk("IEND", new byte[0]));
    assertCorrupt(noPixels, "the PNG is corrupt: it has no pixel data (IDAT)");
  }

  @Test
  void aPngWithLessPixelDataThanItsHeaderPromisesIsCorrupt() throws IOException {
    byte[] real = png(rgba(16, 16), false);
    // The same pixel data under a header that claims twice the height.
    byte[] lying = real.clone();
    lying[16 + 4 + 3] = 32; // IHDR height low byte: 16 -> 32
    fixCrc(lying, 8);

    assertCorrupt(
        lying, "the PNG is corrupt: its pixel data holds 1040 bytes where IHDR promises 2080");
  }

  @Test
  void aPngOverThePixelLimitIsRefusedFromItsHeaderBeforeItsPixelsAreRead() {
    // IHDR says 40000 x 40000; the pixel data is a few bytes that would not even decode.
    byte[] png =
        concat(
            signature(),
            ihdr(40_000, 40_000),
            chunk("IDAT", utf8("tiny")),
            chunk("IEND", new byte[0]));

    ImageProblem problem = only(inspector.inspect(png, "png", BUDGET));

    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
    assertThat(problem.code()).isEqualTo(Code.IMAGE_OVER_LIMITS);
    assertThat(problem.message())
        .isEqualTo(
            "the PNG is 40000 x 40000 px (1,600,000,000 pixels), over the limit of 16,777,216"
                + " pixels (4096 x 4096)");
    assertThat(problem.hint()).hasValue("scale it down: 512 x 512 px is plenty for a badge");
  }

  @Test
  void aPngAtThePixelLimitIsFineAndOnePixelMoreIsNot() {
    assertThat(inspector.inspect(blackPng(4096, 4096), "png", BUDGET)).isEmpty();
    assertThat(inspector.inspect(blackPng(4097, 4096), "png", BUDGET))
        .extracting(ImageProblem::code)
        .containsExactly(Code.IMAGE_OVER_LIMITS);
  }

  @Test
  void anSvgThatIsNotWellFormedIsCorrupt() {
    ImageProblem problem = only(inspector.inspect(utf8("<svg><rect></svg>"), "svg", BUDGET));

    assertThat(problem.code()).isEqualTo(Code.IMAGE_CORRUPT);
    assertThat(problem.message()).startsWith("the SVG is not well-formed XML: line 1, column ");
  }

  @Test
  void aDocumentThatIsNotSvgIsCorrupt() {
    ImageProblem problem = only(inspector.inspect(utf8("<html/>"), "svg", BUDGET));

    assertThat(problem.code()).isEqualTo(Code.IMAGE_CORRUPT);
    assertThat(problem.message())
        .isEqualTo(
            "the file is not an SVG image: its root element is <html>, not <svg> in the SVG namespace");
  }

  @Test
  void scriptsAndEventHandlersAreUnsafe() {
    assertUnsafe("<script>alert(1)</script>", "the <script> element runs code");
    assertUnsafe(
        "<rect onclick='alert(1)'/>",
        "the onclick attribute of <rect> is an event handler that runs code");
    assertUnsafe(
        "<use href='java&#x09;Script:alert(1)'/>",
        "the href attribute of <use> is a javascript: URL");
    assertUnsafe(
        "<a href='java&#x09;Script:alert(1)'><rect/></a>",
        "the <a> element is a link: it can lead anywhere, and run code as a javascript: URL");
    assertUnsafe(
        "<set attributeName='fill' to=' javascript:alert(1)'/>",
        "the <set> element animates the image: it can change any attribute once the image is"
            + " shown, links included");
  }

  @Test
  void referencesOutsideTheImageAreUnsafe() {
    assertUnsafe(
        "<image href='http://127.0.0.1:1/x.png'/>",
        "the href attribute of <image> refers to 'http://127.0.0.1:1/x.png' outside the image");
    assertUnsafe(
        "<use xmlns:xlink='http://www.w3.org/1999/xlink' xlink:href='file:///etc/passwd#x'/>",
        "the xlink:href attribute of <use> refers to 'file:///etc/passwd#x' outside the image");
    assertUnsafe(
        "<image href='design.png'/>",
        "the href attribute of <image> refers to 'design.png' outside the image");
    assertUnsafe(
        "<rect style='fill: url(\"https://tracker.example/p.svg#g\")'/>",
        "the style attribute of <rect> refers to url(https://tracker.example/p.svg#g) outside the image");
    assertUnsafe(
        "<rect filter='url(https://x.example/f.svg#f)'/>",
        "the filter attribute of <rect> refers to url(https://x.example/f.svg#f) outside the image");
    assertUnsafe(
        "<style>\n@font-face { src: url(https://fonts.example/a.woff2) }</style>",
        "the <style> element refers to url(https://fonts.example/a.woff2) outside the image");
    assertUnsafe(
        "<style>@import \"theme.css\";</style>",
        "the <style> element imports 'theme.css' from outside the image");
    assertUnsafe(
        "<style>@import url(https://x.example/a.css);</style>",
        "the <style> element imports 'https://x.example/a.css' from outside the image");
    assertUnsafe(
        "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>hi</p></foreignObject>",
        "the <foreignObject> element embeds content that can load and run anything");
  }

  @Test
  void externalStylesheetsAndEntitiesAreUnsafe() {
    byte[] stylesheet =
        utf8(
            "<?xml-stylesheet href='https://x.example/a.css'?><svg "
                + Svgs.NS
                + " viewBox='0 0 1 1'/>");
    assertThat(only(inspector.inspect(stylesheet, "svg", BUDGET)).message())
        .isEqualTo("the <?xml-stylesheet?> instruction loads a stylesheet from outside the image");

    byte[] entity =
        utf8(
            "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<svg "
                + Svgs.NS
                + " viewBox='0 0 1 1'><text>&x;</text></svg>");
    assertThat(inspector.inspect(entity, "svg", BUDGET))
        .extracting(ImageProblem::message)
        .containsExactly(
            "the entity 'x' refers to 'file:///etc/passwd' outside the image",
            "the reference &x; names an entity that is external or not declared");
  }

  @Test
  void readsNothingFromOutsideWhileInspecting() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String local = "http://127.0.0.1:" + server.getLocalPort();
      byte[] svg =
          utf8(
              "<?xml-stylesheet href='"
                  + local
                  + "/a.css'?><!DOCTYPE svg SYSTEM '"
                  + local
                  + "/a.dtd' [<!ENTITY % p SYSTEM '"
                  + local
                  + "/p'> %p; <!ENTITY x SYSTEM '"
                  + local
                  + "/x'>]><svg "
                  + Svgs.NS
                  + " viewBox='0 0 1 1'><text>&x;</text></svg>");

      assertThat(inspector.inspect(svg, "svg", BUDGET))
          .extracting(ImageProblem::code)
          .containsOnly(Code.IMAGE_UNSAFE)
          .hasSize(4); // the stylesheet, both entities and the reference to x
      server.setSoTimeout(200);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void reportsEveryProblemOfOneImage() {
    byte[] svg = svg("viewBox='0 0 2 1'", "<script/><rect onload='x()'/>");

    assertThat(inspector.inspect(svg, "svg", 10))
        .extracting(ImageProblem::code)
        .containsExactly(
            Code.IMAGE_TOO_LARGE, Code.IMAGE_UNSAFE, Code.IMAGE_UNSAFE, Code.IMAGE_NOT_SQUARE);
  }

  private void assertUnsafe(String body, String message) {
    ImageProblem problem = only(inspector.inspect(svg("viewBox='0 0 9 9'", body), "svg", BUDGET));
    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
    assertThat(problem.code()).as(body).isEqualTo(Code.IMAGE_UNSAFE);
    assertThat(problem.message()).as(body).isEqualTo(message);
    assertThat(problem.hint()).isPresent();
    assertThat(problem.line()).as("the line in the SVG").isEqualTo(1);
    assertThat(problem.column())
        .as("the column of the element")
        .isEqualTo(("<svg " + Svgs.NS + " viewBox='0 0 9 9'>").length() + 1);
  }

  @Test
  void placesAProblemOnTheLineOfTheSvgItIsOn() {
    byte[] design =
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 9 9'>\n<rect/>\n<script>x</script>\n</svg>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ImageProblem problem = only(inspector.inspect(design, "svg", BUDGET));
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.column()).isEqualTo(1);
    assertThat(problem.message()).isEqualTo("the <script> element runs code");
  }

  @Test
  void placesAProblemWhereItsElementStartsWhateverTheLinesOfItsStartTag() {
    byte[] design =
        utf8(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment with <rect/> in it -->
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">
              <g><![CDATA[ <script> ]]>
                <rect width="9"
                      height="9"
                      onclick="x()"/></g>	<script
                >x</script>
            </svg>
            """);

    assertThat(inspector.inspect(design, "svg", BUDGET))
        .extracting(ImageProblem::line, ImageProblem::column, ImageProblem::message)
        .containsExactly(
            tuple(5, 5, "the onclick attribute of <rect> is an event handler that runs code"),
            tuple(7, 31, "the <script> element runs code"));
  }

  private void assertCorrupt(byte[] png, String message) {
    ImageProblem problem = only(inspector.inspect(png, "png", BUDGET));
    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
    assertThat(problem.code()).isEqualTo(Code.IMAGE_CORRUPT);
    assertThat(problem.message()).isEqualTo(message);
  }

  private static ImageProblem only(List<ImageProblem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static byte[] svg(String rootAttributes, String body) {
    return utf8("<svg " + Svgs.NS + " " + rootAttributes + ">" + body + "</svg>");
  }

  private static BufferedImage rgba(int width, int height) {
    BufferedImage image = image(width, height, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(width / 2, height / 2, 0xffcc8800);
    return image;
  }

  private static BufferedImage image(int width, int height, int type) {
    return new BufferedImage(width, height, type);
  }

  private static byte[] png(BufferedImage image, boolean interlaced) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(
          interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] signature() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  }

  private static byte[] ihdr(int width, int height) {
    return ihdr(width, height, 8, 6); // RGBA
  }

  private static byte[] ihdr(int width, int height, int bitDepth, int colourType) {
    byte[] data = new byte[13];
    for (int i = 0; i < 4; i++) {
      data[i] = (byte) (width >>> (24 - 8 * i));
      data[4 + i] = (byte) (height >>> (24 - 8 * i));
    }
    data[8] = (byte) bitDepth;
    data[9] = (byte) colourType;
    return chunk("IHDR", data);
  }

  /** A black 1-bit grey PNG of any size, its rows compressed as they are made. */
  private static byte[] blackPng(int width, int height) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    byte[] row = new byte[1 + (width + 7) / 8];
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    for (int y = 0; y < height; y++) {
      deflater.setInput(row);
      while (!deflater.needsInput()) {
        idat.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      idat.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return concat(
        signature(),
        ihdr(width, height, 1, 0),
        chunk("IDAT", idat.toByteArray()),
        chunk("IEND", new byte[0]));
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] chunk = new byte[12 + data.length];
    chunk[0] = (byte) (data.length >>> 24);
    chunk[1] = (byte) (data.length >>> 16);
    chunk[2] = (byte) (data.length >>> 8);
    chunk[3] = (byte) data.length;
    System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, chunk, 4, 4);
    System.arraycopy(data, 0, chunk, 8, data.length);
    fixCrc(chunk, 0);
    return chunk;
  }

  /** Recomputes the CRC of the chunk starting at {@code at}. */
  private static void fixCrc(byte[] png, int at) {
    int length =
        ((png[at] & 0xff) << 24)
            | ((png[at + 1] & 0xff) << 16)
            | ((png[at + 2] & 0xff) << 8)
            | (png[at + 3] & 0xff);
    CRC32 crc = new CRC32();
    crc.update(png, at + 4, 4 + length);
    long value = crc.getValue();
    int end = at + 8 + length;
    png[end] = (byte) (value >>> 24);
    png[end + 1] = (byte) (value >>> 16);
    png[end + 2] = (byte) (value >>> 8);
    png[end + 3] = (byte) value;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
