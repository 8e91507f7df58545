package dev.badgesmith.bake;

import static dev.badgesmith.bake.Images.ASSERTION;
import static dev.badgesmith.bake.Images.ASSERTION_URL;
import static dev.badgesmith.bake.Images.CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.bake.Images.Chunk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class BakedImagesTest {
  private final byte[] png = Images.noisyPng(32, 32, 2);

  @Test
  void readsTheAssertionInTheReferenceBakersSvg() {
    List<Baked> found = BakedImages.extract(Images.reference("baked.svg"));

    assertThat(found)
        .containsExactly(
            new Baked(
                BadgeVersion.OB2,
                "svg",
                "<openbadges:assertion>",
                "{\"verify\":{\"url\":\"http://example.org\"}}",
                Optional.of("http://example.org")));
  }

  @Test
  void findsNothingInTheReferenceUnbakedImages() {
    assertThat(BakedImages.extract(Images.reference("unbaked.png"))).isEmpty();
    assertThat(BakedImages.extract(Images.reference("unbaked.svg"))).isEmpty();
  }

  @Test
  void bakesTheReferenceImagesAndReadsThemBack() {
    byte[] png = PngBaker.bake(Images.reference("unbaked.png"), BadgeVersion.OB3, CREDENTIAL);
    byte[] svg =
        SvgBaker.bake(
            Images.reference("unbaked.svg"),
            BadgeVersion.OB2,
            ASSERTION,
            Optional.of(ASSERTION_URL));

    assertThat(BakedImages.extract(png))
        .containsExactly(
            new Baked(
                BadgeVersion.OB3,
                "png",
                "iTXt \"openbadgecredential\"",
                CREDENTIAL,
                Optional.empty()));
    assertThat(Images.pixels(png)).isEqualTo(Images.pixels(Images.reference("unbaked.png")));
    assertThat(BakedImages.extract(svg))
        .extracting(Baked::version, Baked::payload, Baked::verify)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                BadgeVersion.OB2, ASSERTION.strip(), Optional.of(ASSERTION_URL)));
    SvgBakerTest.parse(new String(svg, StandardCharsets.UTF_8));
  }

  @Test
  void rebakesTheReferenceBakersSvg() {
    byte[] rebaked =
        SvgBaker.bake(Images.reference("baked.svg"), BadgeVersion.OB2, ASSERTION, Optional.empty());

    assertThat(BakedImages.extract(rebaked))
        .containsExactly(
            new Baked(
                BadgeVersion.OB2,
                "svg",
                "<openbadges:assertion>",
                ASSERTION.strip(),
                Optional.empty()));
  }

  @Test
  void readsTheTextChunksOfOlderBakers() {
    List<Chunk> chunks = new ArrayList<>(Images.chunks(png));
    chunks.add(
        1,
        Images.chunk("tEXt", Images.latin1("openbadges\0https://old.example.org/assertion.json")));
    chunks.add(
        2,
        Images.chunk(
            "zTXt",
            Images.concat(Images.latin1("openbadges\0\0"), deflate(Images.latin1("{\"z\":1}")))));
    chunks.add(
        3,
        Images.chunk(
            "iTXt",
            Images.concat(
                Images.latin1("openbadges\0\1\0en\0Open Badges\0"),
                deflate(Images.utf8(ASSERTION)))));
    chunks.add(4, Images.chunk("tEXt", Images.latin1("Software\0ImageIO")));

    assertThat(BakedImages.extract(Images.png(chunks)))
        .extracting(Baked::carrier, Baked::payload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "tEXt \"openbadges\"", "https://old.example.org/assertion.json"),
            org.assertj.core.groups.Tuple.tuple("zTXt \"openbadges\"", "{\"z\":1}"),
            org.assertj.core.groups.Tuple.tuple("iTXt \"openbadges\"", ASSERTION));
  }

  @Test
  void refusesAMalformedTextChunk() {
    List<Chunk> chunks = new ArrayList<>(Images.chunks(png));
    chunks.add(1, Images.chunk("iTXt", Images.latin1("openbadges\0\0\0no terminators")));
    assertThatThrownBy(() -> BakedImages.extract(Images.png(chunks)))
        .isInstanceOf(BakeException.class)
        .hasMessage("iTXt chunk at byte 33 is malformed");
  }

  @Test
  void refusesAFileThatIsNeitherPngNorSvg() {
    assertThatThrownBy(() -> BakedImages.extract(Images.utf8("GIF89a")))
        .isInstanceOf(BakeException.class)
        .hasMessage("neither a PNG nor an SVG file");
    assertThatThrownBy(() -> BakedImages.extract(new byte[0]))
        .hasMessage("neither a PNG nor an SVG file");
  }

  @Test
  void refusesACorruptPng() {
    byte[] baked = PngBaker.bake(png, BadgeVersion.OB2, ASSERTION);
    baked[baked.length - 30] ^= 0x20;
    assertThatThrownBy(() -> BakedImages.extract(baked))
        .isInstanceOf(BakeException.class)
        .hasMessageMatching("chunk iTXt at byte \\d+ has a bad CRC");
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
      z.write(data);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
