package dev.badgesmith.write;

import java.util.List;
import java.util.Optional;

/**
 * The file list of a published manifest, as something quicker to read than the manifest's JSON
 * holds it (a large site lists tens of thousands of files, and every rebuild starts from that
 * list).
 *
 * @param files the manifest's files, in its order
 * @param manifestFilesAt where the manifest's first file line starts (its byte offset), or -1
 */
public record PublishedList(List<PublishedFile> files, int manifestFilesAt) {
  public PublishedList {
    files = List.copyOf(files);
  }

  /** Where such a list is read from, by the stamp of the manifest it must mirror. */
  @FunctionalInterface
  public interface Source {
    /** Nothing: the manifest is read. */
    Source NONE = stamp -> Optional.empty();

    /** The list of the manifest with this {@link SiteWriter#stamp}; empty when none is known. */
    Optional<PublishedList> read(String stamp);
  }
}
