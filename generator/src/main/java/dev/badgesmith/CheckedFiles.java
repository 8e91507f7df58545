package dev.badgesmith;

import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Site;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Pipeline#checkEveryFile} found.
 *
 * @param doc everything read from the site's files
 * @param indexes every award's status list index, as the lock pins them for the build
 * @param root the site's folder
 */
record CheckedFiles(
    Report report, Optional<Site> site, SiteDoc doc, Optional<StatusIndexes> indexes, Path root) {}
