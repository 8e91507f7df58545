package dev.badgesmith.write;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The published manifest as the last build wrote it, for the next manifest to copy the lines of
 * unchanged files from.
 *
 * @param bytes the manifest, mapped read-only (a large site's runs to tens of megabytes, most of
 *     which the next one copies)
 * @param filesAt where its first file line starts
 * @param files the files it lists, in its order
 */
public record EarlierManifest(ByteBuffer bytes, int filesAt, List<PublishedFile> files) {}
