package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.verify.Check.Step;

/**
 * {@code 1EdTechRevocationList}: the JSON document at the entry's {@code id} lists revoked
 * credentials in {@code revokedCredential}, each with {@code id}, {@code revoked} (true when
 * absent) and a {@code revocationReason}.
 */
public final class RevocationListMethod implements StatusMethod {
  @Override
  public String type() {
    return "1EdTechRevocationList";
  }

  @Override
  public Check check(ObjectNode entry, ObjectNode credential, StatusContext context) {
    String url = entry.path("id").asText("");
    String id = credential.path("id").asText("");
    ObjectNode list;
    try {
      list = new Documents(context.resolver()).object(url);
    } catch (ResolveException e) {
      return Check.failed(Step.STATUS, "cannot read the revocation list: " + e.getMessage());
    }
    for (JsonNode revoked : Documents.items(list.get("revokedCredential"))) {
      if (id.equals(revoked.path("id").asText()) && revoked.path("revoked").asBoolean(true)) {
        return Check.failed(
            Step.STATUS,
            "revoked: "
                + revoked.path("revocationReason").asText("no reason given")
                + " (in "
                + url
                + ")");
      }
    }
    return Check.passed(Step.STATUS, "not in the revocation list " + url);
  }
}
