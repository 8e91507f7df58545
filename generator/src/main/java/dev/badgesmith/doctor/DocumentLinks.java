package dev.badgesmith.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A published JSON document's own id and the ids it names that verifiers fetch next: badge class,
 * issuer, achievement, revocation and status lists, keys and their controllers, images, criteria.
 */
record DocumentLinks(Optional<String> id, Set<String> named) {
  DocumentLinks {
    named = Set.copyOf(named);
  }

  static DocumentLinks of(JsonNode document) {
    Set<String> named = new LinkedHashSet<>();
    for (String field :
        new String[] {
          "badge", "issuer", "revocationList", "publicKey", "controller", "image", "criteria"
        }) {
      idOf(document.path(field)).ifPresent(named::add);
    }
    idOf(document.path("verification").path("creator")).ifPresent(named::add);
    idOf(document.path("credentialSubject").path("achievement")).ifPresent(named::add);
    JsonNode status = document.path("credentialStatus");
    idOf(status.path("statusListCredential")).ifPresent(named::add);
    idOf(status).ifPresent(named::add);
    JsonNode proofs = document.path("proof");
    for (JsonNode proof : proofs.isArray() ? proofs : java.util.List.of(proofs)) {
      idOf(proof.path("verificationMethod")).ifPresent(named::add);
    }
    named.removeIf(String::isEmpty);
    return new DocumentLinks(
        Optional.of(document.path("id")).filter(JsonNode::isTextual).map(JsonNode::asText),
        named.stream()
            .map(DocumentLinks::withoutFragment)
            .collect(java.util.stream.Collectors.toSet()));
  }

  /** A link given as a string, or as an object with an {@code id}. */
  private static Optional<String> idOf(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    return node.isObject() && node.path("id").isTextual()
        ? Optional.of(node.path("id").asText())
        : Optional.empty();
  }

  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
