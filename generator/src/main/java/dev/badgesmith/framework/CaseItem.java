package dev.badgesmith.framework;

import dev.badgesmith.diag.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code CFItem} of a CASE package: a competency, standard or other statement.
 *
 * @param identifier its UUID
 * @param uri where it is published: an alignment's {@code targetUrl}
 * @param fullStatement its text
 * @param abbreviatedStatement a short form of the statement, when given
 * @param humanCodingScheme the publisher's code for it (such as {@code CS.2.1}), when given
 * @param listEnumeration its position among its siblings as the publisher numbers it, when given
 * @param itemType its {@code CFItemType} label (such as {@code Competency}), when given
 * @param at where its object starts in the package file
 */
public record CaseItem(
    String identifier,
    String uri,
    String fullStatement,
    Optional<String> abbreviatedStatement,
    Optional<String> humanCodingScheme,
    Optional<String> listEnumeration,
    Optional<String> itemType,
    SourcePosition at) {
  public CaseItem {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(fullStatement, "fullStatement");
    Objects.requireNonNull(abbreviatedStatement, "abbreviatedStatement");
    Objects.requireNonNull(humanCodingScheme, "humanCodingScheme");
    Objects.requireNonNull(listEnumeration, "listEnumeration");
    Objects.requireNonNull(itemType, "itemType");
    Objects.requireNonNull(at, "at");
  }
}
