package dev.badgesmith.bake;

import static dev.badgesmith.bake.Images.ASSERTION;
import static dev.badgesmith.bake.Images.CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.bake.Images.Chunk;
import dev.badgesmith.hash.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PngBakerTest {
  private final byte[] png = Images.noisyPng(64, 48, 1);

  @Test
  void writesOneUncompressedItxtChunkJustBeforeIend() {
    byte[] baked = PngBaker.bake(png, BadgeVersion.OB2, ASSERTION);

    List<Chunk> chunks = Images.chunks(baked);
    Chunk itxt = chunks.get(chunks.size() - 2);
    assertThat(itxt.type()).isEqualTo("iTXt");
    assertThat(itxt.data())
        .isEqualTo(Images.concat(Images.latin1("openbadges"), new byte[5], Images.utf8(ASSERTION)));
    assertThat(chunks.get(chunks.size() - 1).type()).isEqualTo("IEND");
    assertThat(chunks.subList(0, chunks.size() - 2)).extracting(Chunk::type).contains("IDAT");
  }

  @Test
  void givesEachBakedFilesSha256WithItsBytes() {
    PngBaker.Template template = PngBaker.template(png, BadgeVersion.OB2);

    for (String payload : List.of(ASSERTION, "{\"a\":1}", "", ASSERTION + ASSERTION)) {
      PngBaker.Baked baked = template.bakeDigested(payload);

      assertThat(baked.bytes()).isEqualTo(PngBaker.bake(png, BadgeVersion.OB2, payload));
      assertThat(baked.sha256()).isEqualTo(Sha256.of(baked.bytes()));
    }
  }

  @Test
  void writesTheSpecificationsWorkedBytes() {
    byte[] baked = PngBaker.bake(png, BadgeVersion.OB2, "{\"a\":1}");
    List<Chunk> chunks = Images.chunks(baked);
    assertThat(chunks.get(chunks.size() - 2).bytes())
        .isEqualTo(
            hex(
                "00000016 69545874 6f70656e62616467657300000000 00 7b2261223a317d 6836d637"
                    .replace(" ", "")));

    byte[] ob3 = PngBaker.bake(png, BadgeVersion.OB3, "eyJ.eyJ.sig");
    List<Chunk> ob3Chunks = Images.chunks(ob3);
    Chunk itxt = ob3Chunks.get(ob3Chunks.size() - 2);
    assertThat(itxt.data().length).isEqualTo(0x23);
    assertThat(itxt.crc()).isEqualTo(0x9378fa55);
  }

  @Test
  void everyChunkHasAValidCrc() {
    byte[] baked =
        PngBaker.bake(
            PngBaker.bake(png, BadgeVersion.OB2, ASSERTION), BadgeVersion.OB3, CREDENTIAL);
    for (Chunk chunk : Images.chunks(baked)) {
      assertThat(chunk.crc()).as(chunk.type()).isEqualTo(chunk.computedCrc());
    }
  }

  @Test
  void keepsEveryOtherChunkByteIdenticalAndInOrder() {
    byte[] baked = PngBaker.bake(png, BadgeVersion.OB2, ASSERTION);

    List<Chunk> others = new ArrayList<>(Images.chunks(baked));
    others.remove(others.size() - 2);
    assertThat(others).containsExactlyElementsOf(Images.chunks(png));
    assertThat(baked).startsWith(Arrays.copyOf(png, png.length - 12));
  }

  @Test
  void decodesToTheSamePixels() {
    byte[] baked = PngBaker.bake(png, BadgeVersion.OB3, CREDENTIAL);
    assertThat(Images.pixels(baked)).isEqualTo(Images.pixels(png));
  }

  @Test
  void rebakingReplacesTheChunkOfThatVersion() {
    byte[] once = PngBaker.bake(png, BadgeVersion.OB2, "{\"old\":true}");
    byte[] twice = PngBaker.bake(once, BadgeVersion.OB2, ASSERTION);

    assertThat(Images.chunks(twice)).filteredOn(c -> c.type().equals("iTXt")).hasSize(1);
    assertThat(twice).isEqualTo(PngBaker.bake(png, BadgeVersion.OB2, ASSERTION));
    assertThat(BakedImages.extract(twice))
        .containsExactly(
            new Baked(BadgeVersion.OB2, "png", "iTXt \"openbadges\"", ASSERTION, Optional.empty()));
  }

  @Test
  void rebakingRemovesALegacyTextChunkWithTheSameKeyword() {
    List<Chunk> chunks = new ArrayList<>(Images.chunks(png));
    chunks.add(
        1, Images.chunk("tEXt", Images.latin1("openbadges\0https://old.example.org/a.json")));
    byte[] legacy = Images.png(chunks);

    byte[] baked = PngBaker.bake(legacy, BadgeVersion.OB2, ASSERTION);

    assertThat(BakedImages.extract(baked)).extracting(Baked::payload).containsExactly(ASSERTION);
  }

  @Test
  void keepsTheOtherVersionsChunkSoBothVersionsCoexist() {
    byte[] both =
        PngBaker.bake(
            PngBaker.bake(png, BadgeVersion.OB2, ASSERTION), BadgeVersion.OB3, CREDENTIAL);
    byte[] rebaked = PngBaker.bake(both, BadgeVersion.OB2, "{\"new\":1}");

    assertThat(BakedImages.extract(both))
        .extracting(Baked::version, Baked::payload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BadgeVersion.OB2, ASSERTION),
            org.assertj.core.groups.Tuple.tuple(BadgeVersion.OB3, CREDENTIAL));
    assertThat(BakedImages.extract(rebaked))
        .extracting(Baked::version, Baked::payload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BadgeVersion.OB3, CREDENTIAL),
            org.assertj.core.groups.Tuple.tuple(BadgeVersion.OB2, "{\"new\":1}"));
  }

  @Test
  void refusesAFileThatIsNotAPng() {
    assertThatThrownBy(() -> PngBaker.bake(Images.utf8(Images.SVG), BadgeVersion.OB2, ASSERTION))
        .isInstanceOf(BakeException.class)
        .hasMessage("not a PNG file (no PNG signature)");
  }

  @Test
  void refusesATruncatedFile() {
    byte[] truncated = Arrays.copyOf(png, png.length - 20);
    assertThatThrownBy(() -> PngBaker.bake(truncated, BadgeVersion.OB2, ASSERTION))
        .isInstanceOf(BakeException.class)
        .hasMessageMatching("the file ends inside chunk IDAT at byte \\d+");
    assertThatThrownBy(() -> PngBaker.bake(Arrays.copyOf(png, 14), BadgeVersion.OB2, ASSERTION))
        .hasMessage("the file ends inside the chunk header at byte 8");
    assertThatThrownBy(
            () -> PngBaker.bake(Arrays.copyOf(png, png.length - 12), BadgeVersion.OB2, ASSERTION))
        .hasMessage("the file ends without an IEND chunk");
  }

  @Test
  void refusesAChunkWithABadCrc() {
    byte[] corrupt = png.clone();
    int idat = indexOf(corrupt, "IDAT");
    corrupt[idat + 10] ^= 1;
    assertThatThrownBy(() -> PngBaker.bake(corrupt, BadgeVersion.OB2, ASSERTION))
        .isInstanceOf(BakeException.class)
        .hasMessage("chunk IDAT at byte " + (idat - 4) + " has a bad CRC");
  }

  @Test
  void refusesAFileThatDoesNotStartWithIhdrOrHasDataAfterIend() {
    List<Chunk> chunks = new ArrayList<>(Images.chunks(png));
    chunks.add(0, Images.chunk("tEXt", Images.latin1("Title\0x")));
    assertThatThrownBy(() -> PngBaker.bake(Images.png(chunks), BadgeVersion.OB2, ASSERTION))
        .hasMessage("the first chunk is tEXt of 7 bytes, not the 13-byte IHDR chunk");

    byte[] trailing = Images.concat(png, new byte[3]);
    assertThatThrownBy(() -> PngBaker.bake(trailing, BadgeVersion.OB2, ASSERTION))
        .hasMessage("3 bytes follow the IEND chunk");
  }

  private static int indexOf(byte[] b, String ascii) {
    outer:
    for (int i = 0; i < b.length - 4; i++) {
      for (int k = 0; k < 4; k++) {
        if (b[i + k] != ascii.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] hex(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
