package dev.badgesmith.incremental;

import dev.badgesmith.hash.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything an output depends on, so a rebuild can tell that rendering it again
 * would give the same bytes. Parts are length-prefixed, so no two different lists of parts collide.
 */
public final class Fingerprint {
  // A rebuild makes one per award and more: a copy of a fresh digest is quicker than a lookup.
  private static final MessageDigest FRESH = sha256();

  /** The code's fingerprint, once a run asks for it; see {@link #code}. */
  private static volatile String code;

  /** Where {@link #keepCodeIn} keeps the code's fingerprint; none until a cache is given. */
  private static volatile Path codeFolder;

  private final MessageDigest sha256;

  public Fingerprint() {
    MessageDigest copy;
    try {
      copy = (MessageDigest) FRESH.clone();
    } catch (CloneNotSupportedException e) {
      copy = sha256(); // a provider whose digests cannot be copied
    }
    sha256 = copy;
  }

  private static MessageDigest sha256() {
    return Sha256.newDigest();
  }

  /** A fingerprint that starts from the generator's own code, theme included. */
  public static Fingerprint ofCode() {
    return new Fingerprint().add(code());
  }

  /**
   * Keeps the code's fingerprint in {@code folder}, named by the identity of the jars it was
   * computed from (path, size, time, file key, and the last kilobyte, which holds the end of the
   * jar's directory): a rebuild reads it back instead of hashing the directory of some 13,000
   * entries on its critical path. The first cache a run gives is the one used.
   */
  public static void keepCodeIn(Path folder) {
    if (codeFolder == null) {
      codeFolder = folder;
    }
  }

  private static String code() {
    String known = code;
    if (known == null) {
      synchronized (Fingerprint.class) {
        known = code;
        if (known == null) {
          known = keptCode();
          code = known;
        }
      }
    }
    return known;
  }

  /** The code's fingerprint, from the folder it is kept in when the code is jars only. */
  private static String keptCode() {
    return keptCode(
        Stream.of(location(), themeLocation()).distinct().toList(),
        Optional.ofNullable(codeFolder));
  }

  static String keptCode(List<Optional<Path>> sources, Optional<Path> codeFolder) {
    if (codeFolder.isEmpty() || !sources.stream().allMatch(s -> s.isPresent() && isJar(s.get()))) {
      return code(sources);
    }
    Path folder = codeFolder.get();
    Path kept;
    try {
      Fingerprint identity = new Fingerprint();
      for (Optional<Path> source : sources) {
        identity.add(jarIdentity(source.get()));
      }
      kept = folder.resolve(identity.hex());
      if (Files.isRegularFile(kept)) {
        String text = Files.readString(kept, StandardCharsets.US_ASCII);
        if (text.matches("[0-9a-f]{64}")) {
          return text;
        }
      }
    } catch (IOException | RuntimeException e) {
      return code(sources);
    }
    String computed = code(sources);
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, "code", ".tmp");
      Files.writeString(temporary, computed, StandardCharsets.US_ASCII);
      Files.move(temporary, kept, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // Not kept: the next run hashes the code again.
    }
    return computed;
  }

  private static boolean isJar(Path source) {
    return Files.isRegularFile(source);
  }

  /** What tells one jar from another without reading it all: see {@link #keepCodeIn}. */
  private static byte[] jarIdentity(Path jar) throws IOException {
    var attributes = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class);
    String facts =
        jar.toAbsolutePath()
            + "\n"
            + attributes.size()
            + "\n"
            + attributes.lastModifiedTime().toInstant()
            + "\n"
            + attributes.fileKey();
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(jar)) {
      int tail = (int) Math.min(channel.size(), 1024);
      java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(tail);
      while (end.hasRemaining() && channel.read(end, channel.size() - tail + end.position()) > 0) {}
      return new Fingerprint()
          .add(facts)
          .add(java.util.Arrays.copyOf(end.array(), end.position()))
          .sha256
          .digest();
    }
  }

  public Fingerprint add(String part) {
    return add(part.getBytes(StandardCharsets.UTF_8));
  }

  public Fingerprint add(byte[] part) {
    sha256.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
    sha256.update((byte) ':');
    sha256.update(part);
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * The digest of the jars (or class folders) the generator and its theme are loaded from: a new
   * build of Badgesmith, even one with the same version, renders everything again. When the code
   * cannot be read, a fresh random value, so nothing is ever wrongly skipped.
   */
  private static String code(List<Optional<Path>> sources) {
    Fingerprint code = new Fingerprint();
    try {
      for (Optional<Path> source : sources) {
        if (source.isEmpty()) {
          return UUID.randomUUID().toString();
        }
        addTree(code, source.get());
      }
    } catch (IOException e) {
      return UUID.randomUUID().toString();
    }
    return code.hex();
  }

  private static void addTree(Fingerprint code, Path source) throws IOException {
    if (Files.isRegularFile(source)) {
      // A jar's central directory names every entry with its CRC-32 and size: enough to tell one
      // build of the code from another, without reading megabytes of classes. Of each entry only
      // those and its name are hashed (the times are fixed by the build, the rest follows).
      Optional<byte[]> directory = centralDirectory(source);
      if (directory.isPresent()) {
        code.add(entries(directory.get()).orElse(directory.get()));
        return;
      }
      try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(source.toFile())) {
        for (var entries = jar.entries(); entries.hasMoreElements(); ) {
          java.util.zip.ZipEntry entry = entries.nextElement();
          code.add(entry.getName() + ":" + entry.getCrc() + ":" + entry.getSize());
        }
      }
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        code.add(source.relativize(file).toString()).add(Files.readAllBytes(file));
      }
    }
  }

  /**
   * Each entry of a central directory as its name's length and name, CRC-32 and size, one after the
   * other; empty when the directory is not a sequence of entries.
   */
  static Optional<byte[]> entries(byte[] directory) {
    java.nio.ByteBuffer in =
        java.nio.ByteBuffer.wrap(directory).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    java.io.ByteArrayOutputStream entries = new java.io.ByteArrayOutputStream(directory.length);
    int at = 0;
    while (at < directory.length) {
      if (at + 46 > directory.length || in.getInt(at) != 0x02014b50) {
        return Optional.empty();
      }
      int name = Short.toUnsignedInt(in.getShort(at + 28));
      int next =
          at
              + 46
              + name
              + Short.toUnsignedInt(in.getShort(at + 30))
              + Short.toUnsignedInt(in.getShort(at + 32));
      if (next > directory.length) {
        return Optional.empty();
      }
      entries.write(directory, at + 28, 2); // the name's length
      entries.write(directory, at + 46, name);
      entries.write(directory, at + 16, 4); // CRC-32
      entries.write(directory, at + 24, 4); // size
      at = next;
    }
    return Optional.of(entries.toByteArray());
  }

  /**
   * The bytes of a zip file's central directory, found from its end record; empty for a zip64 file
   * or one this cannot make sense of (the caller then lists the entries instead).
   */
  static Optional<byte[]> centralDirectory(Path zip) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(zip)) {
      long size = channel.size();
      // The end record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
      int tail = (int) Math.min(size, 22 + 65_535);
      java.nio.ByteBuffer end =
          java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      channel.read(end, size - tail);
      for (int at = tail - 22; at >= 0; at--) {
        // The signature may occur inside the comment: the real record's comment ends the file.
        if (end.getInt(at) != 0x06054b50
            || at + 22 + Short.toUnsignedInt(end.getShort(at + 20)) != tail) {
          continue;
        }
        long length = Integer.toUnsignedLong(end.getInt(at + 12));
        long offset = Integer.toUnsignedLong(end.getInt(at + 16));
        if (length == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + length > size - tail + at) {
          return Optional.empty();
        }
        java.nio.ByteBuffer directory = java.nio.ByteBuffer.allocate((int) length);
        while (directory.hasRemaining()
            && channel.read(directory, offset + directory.position()) > 0) {}
        return directory.hasRemaining() ? Optional.empty() : Optional.of(directory.array());
      }
      return Optional.empty();
    }
  }

  // The theme is a resource of its own module: find the jar or folder that holds it.
  private static Optional<Path> location() {
    CodeSource source = Fingerprint.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> themeLocation() {
    var url = Fingerprint.class.getClassLoader().getResource("badgesmith/theme/layout.ftlh");
    if (url == null) {
      return Optional.empty();
    }
    try {
      String text = url.toString();
      if (text.startsWith("jar:file:")) {
        return Optional.of(Path.of(new java.net.URI(text.substring(4, text.indexOf("!/")))));
      }
      if (text.startsWith("file:")) {
        // .../badgesmith/theme/layout.ftlh: the folder two levels above the theme
        return Optional.of(Path.of(url.toURI()).getParent().getParent().getParent());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
