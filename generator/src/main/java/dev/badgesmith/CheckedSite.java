package dev.badgesmith;

import dev.badgesmith.model.Site;
import java.util.Optional;

/** What {@link Pipeline#checkSite} found: the check's report, and the site when it loaded. */
record CheckedSite(Report report, Optional<Site> site) {}
