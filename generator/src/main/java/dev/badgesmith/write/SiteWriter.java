package dev.badgesmith.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.BadgesmithException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds a site into a staging folder beside the output folder and swaps it in only when the whole
 * build succeeded, so a failed or killed build leaves the previous site as it was. It replaces only
 * a folder that is empty or that Badgesmith wrote (it has our manifest), so a mistyped {@code
 * --out} cannot wipe someone's files.
 */
public final class SiteWriter {
  /** Written into the manifest; its presence marks a folder this tool may replace. */
  public static final String MARKER = "\"generator\": \"Badgesmith\"";

  private final Path out;
  private final Path staging;
  private final Path previous;
  private StagingOutput output;

  private SiteWriter(Path out) {
    this.out = out;
    String name = out.getFileName().toString();
    this.staging = out.resolveSibling("." + name + ".staging");
    this.previous = out.resolveSibling("." + name + ".previous");
  }

  /** Prepares a fresh staging folder for {@code out}. */
  public static SiteWriter open(Path out) {
    SiteWriter writer = new SiteWriter(out.toAbsolutePath().normalize());
    try {
      writer.recover();
      writer.checkReplaceable();
      deleteTree(writer.staging);
      Files.createDirectories(writer.staging);
      writer.output =
          new StagingOutput(writer.staging, Optional.of(writer.out), writer.previousFiles());
    } catch (IOException e) {
      throw new BadgesmithException(
          "cannot prepare the output folder " + out + ": " + e.getMessage(), e);
    }
    return writer;
  }

  public StagingOutput output() {
    return output;
  }

  /** Puts the staged site in place of the old one. */
  public void commit() {
    try {
      if (Files.exists(out)) {
        Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(previous);
    } catch (IOException e) {
      throw new BadgesmithException(
          "cannot replace the output folder " + out + ": " + e.getMessage(), e);
    }
  }

  /** Drops the staged files; the old site stays. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of the site being replaced, from its manifest; none when it has no manifest. */
  private Map<String, PublishedFile> previousFiles() {
    Path manifest = out.resolve("manifest.json");
    Map<String, PublishedFile> files = new HashMap<>();
    if (!Files.isRegularFile(manifest)) {
      return files;
    }
    try {
      for (JsonNode file : new ObjectMapper().readTree(manifest.toFile()).path("files")) {
        String path = file.path("path").asText();
        files.put(
            path,
            new PublishedFile(path, file.path("sha256").asText(), file.path("size").asLong()));
      }
    } catch (IOException e) {
      files.clear(); // an unreadable manifest only means every file is written anew
    }
    return files;
  }

  /** A build killed between the two moves of a commit left the old site aside: put it back. */
  private void recover() throws IOException {
    if (!Files.exists(out) && Files.isDirectory(previous)) {
      Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
    }
    deleteTree(previous);
  }

  private void checkReplaceable() throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new BadgesmithException("the output " + out + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    Path manifest = out.resolve("manifest.json");
    if (!Files.isRegularFile(manifest) || !Files.readString(manifest).contains(MARKER)) {
      throw new BadgesmithException(
          "the output folder "
              + out
              + " holds files Badgesmith did not write;"
              + " refusing to replace it (choose an empty or new folder)");
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
