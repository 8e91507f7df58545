package dev.badgesmith.pages;

/** The page a static host serves for a path the site does not have. */
public record NotFoundView(FrameView frame) {}
