package dev.badgesmith.bake;

import dev.badgesmith.testing.TestSites;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Images for baking tests: made here, or the reference baker's own from the shared spec folder. */
final class Images {
  private Images() {}

  static final String ASSERTION =
      """
      {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://badges.example.org/guild/assertions/intro/jane.json",
        "narrative": "Wrote \\"café\\" ✓ in one line"
      }
      """;

  static final String ASSERTION_URL = "https://badges.example.org/guild/assertions/intro/jane.json";

  static final String CREDENTIAL =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\","
          + "\"OpenBadgeCredential\"],\"name\":\"Intro\"}";

  static final String SVG =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" data-note="a > b">
        <!-- a drawing -->
        <circle cx="5" cy="5" r="4" fill="#E44D26"/>
        <text x="1" y="9">Caf\u00e9 &amp; co</text>
      </svg>
      """;

  /** A deterministic noisy RGB PNG of the given size, written by ImageIO. */
  static byte[] noisyPng(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = (x * 255 / width) << 16 | (y * 255 / height) << 8;
        image.setRGB(x, y, base | random.nextInt(32));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static int[] pixels(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A chunk as the test reads it, independently of the code under test. */
  record Chunk(String type, byte[] data, int crc) {
    int computedCrc() {
      CRC32 crc32 = new CRC32();
      crc32.update(type.getBytes(StandardCharsets.ISO_8859_1));
      crc32.update(data);
      return (int) crc32.getValue();
    }

    /** Length, type, data and CRC: the chunk's bytes in the file. */
    byte[] bytes() {
      return ByteBuffer.allocate(12 + data.length)
          .putInt(data.length)
          .put(type.getBytes(StandardCharsets.ISO_8859_1))
          .put(data)
          .putInt(crc)
          .array();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Chunk c
          && type.equals(c.type)
          && Arrays.equals(data, c.data)
          && crc == c.crc;
    }

    @Override
    public int hashCode() {
      return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return type + "(" + data.length + " bytes)";
    }
  }

  static List<Chunk> chunks(byte[] png) {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    List<Chunk> chunks = new ArrayList<>();
    while (b.hasRemaining()) {
      int length = b.getInt();
      byte[] type = new byte[4];
      b.get(type);
      byte[] data = new byte[length];
      b.get(data);
      chunks.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data, b.getInt()));
    }
    return chunks;
  }

  static byte[] png(List<Chunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The PNG signature, written out here as the specification gives it (section 5.2).
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunks.forEach(c -> out.writeBytes(c.bytes()));
    return out.toByteArray();
  }

  static Chunk chunk(String type, byte[] data) {
    Chunk unsigned = new Chunk(type, data, 0);
    return new Chunk(type, data, unsigned.computedCrc());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A file of the reference baker's tests, or the test is skipped when the folder is absent. */
  static byte[] reference(String name) {
    Path folder = TestSites.spec().resolve("bakery");
    Assumptions.assumeTrue(
        Files.isDirectory(folder),
        "skipped: the reference images are not at " + folder + " (../shared/spec/bakery)");
    try {
      return Files.readAllBytes(folder.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
