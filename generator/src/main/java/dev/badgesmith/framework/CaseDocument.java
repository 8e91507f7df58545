package dev.badgesmith.framework;

import dev.badgesmith.diag.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code CFDocument} of a CASE package: the framework itself.
 *
 * @param identifier its UUID
 * @param uri where the framework is published
 * @param title its name: an alignment's {@code targetFramework}
 * @param creator who promulgates it
 * @param version its revision, when given
 * @param at where its object starts in the package file
 */
public record CaseDocument(
    String identifier,
    String uri,
    String title,
    Optional<String> creator,
    Optional<String> version,
    SourcePosition at) {
  public CaseDocument {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(at, "at");
  }
}
