package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken sites that must fail with exact diagnostics. Each case in {@code
 * src/test/resources/invalid/} changes the minimal valid site: its files replace or add files,
 * {@code -- @delete} lists files to remove, and {@code -- @expected} holds the exact output. {@code
 * -Dgolden.update=true} rewrites the expected lines, to be reviewed as a diff.
 */
class InvalidSitesTest {
  private static final Path CASES = TestSites.resources("invalid");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryProblemAndWritesNothing(String name, @TempDir Path tmp) throws IOException {
    Path file = CASES.resolve(name);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int expectedAt = text.indexOf("-- @expected\n");
    String overlay = text.substring(0, expectedAt);
    String expected = text.substring(expectedAt + "-- @expected\n".length());
    String before = text.substring(0, expectedAt);
    Path site = tmp.resolve("site");
    TestSites.unpackCase(site, overlay);

    Path out = tmp.resolve("out");
    Report report = Badgesmith.builder().build().build(site, out);

    List<String> lines = new ArrayList<>();
    report.diagnostics().stream().map(Diagnostic::format).forEach(lines::add);
    String actual = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, before + "-- @expected\n" + actual, StandardCharsets.UTF_8);
      expected = actual;
    }
    assertThat(report.hasErrors()).as("the site has errors").isTrue();
    assertThat(actual).isEqualTo(expected);
    assertThat(out).doesNotExist();
    assertThat(Badgesmith.builder().build().check(site).diagnostics())
        .isEqualTo(report.diagnostics());
  }

  /**
   * A PNG design of 40000 x 40000 px, 1.6 billion pixels, is refused from its header by check and
   * build alike: no renderer ever decodes it. Its pixel data is a few bytes that would not even
   * inflate, so only the header can have said so.
   */
  @Test
  void refusesAPngDesignOverThePixelLimitFromItsHeader(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    TestSites.unpack(site, TestSites.MINIMAL);
    Files.delete(site.resolve("badges/intro.svg"));
    Files.write(site.resolve("badges/intro.png"), pngHeaderOnly(40_000, 40_000));

    Path out = tmp.resolve("out");
    Report build = Badgesmith.builder().build().build(site, out);
    Report check = Badgesmith.builder().build().check(site);

    assertThat(build.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "badges/intro.png:1:1: error[BSG304]: the PNG is 40000 x 40000 px (1,600,000,000"
                + " pixels), over the limit of 16,777,216 pixels (4096 x 4096)\n"
                + "  hint: scale it down: 512 x 512 px is plenty for a badge");
    assertThat(check.diagnostics()).isEqualTo(build.diagnostics());
    assertThat(out).doesNotExist();
  }

  /** Signature, an RGBA IHDR of this size, a four-byte IDAT and IEND, each with its CRC. */
  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8);
    ihdr.put((byte) 6); // RGBA
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IDAT", new byte[] {0x78, (byte) 0xda, 0x63, 0x60});
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
