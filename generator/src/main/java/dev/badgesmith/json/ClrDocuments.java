package dev.badgesmith.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Comprehensive Learner Record 2.0 documents: the {@code ClrCredential} of one learner, which holds
 * their Open Badges 3.0 credentials as issued, the achievements those name and how the achievements
 * relate ({@code Association}s).
 */
public final class ClrDocuments {
  public static final String CLR_CONTEXT =
      "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

  /**
   * The contexts of a ClrCredential, in the order of the 1EdTech examples: the CLR context defines
   * {@code ClrCredential}, {@code ClrSubject} and {@code Association}; the Open Badges contexts
   * define {@code Achievement}, {@code Profile} and the schema validator's type.
   */
  public static final List<String> CONTEXTS =
      List.of(
          Ob3Documents.VC_CONTEXT,
          CLR_CONTEXT,
          Ob3Documents.OB_CONTEXT,
          Ob3Documents.OB_EXTENSIONS);

  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";

  private ClrDocuments() {}

  /**
   * Who a record is about.
   *
   * @param id the learner's public URL or DID, when the site made it public
   * @param identifier a hashed identity object of the learner's, when they have no public id
   */
  public record Subject(Optional<String> id, Optional<JsonNode> identifier) {
    public Subject {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(identifier, "identifier");
    }
  }

  /**
   * An unsigned ClrCredential.
   *
   * @param id where the record is published, or a {@code urn:uuid:} for one that is not
   * @param issuer the issuing Profile, as the credentials embed it
   * @param validFrom when the record took effect: when its newest credential did
   * @param credentials the learner's credentials, each as issued (signed)
   * @param achievements every achievement the associations name
   * @param associations how those achievements relate
   */
  public static ObjectNode credential(
      String id,
      String name,
      String description,
      ObjectNode issuer,
      String validFrom,
      Subject subject,
      List<JsonNode> credentials,
      List<ObjectNode> achievements,
      ArrayNode associations) {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    CONTEXTS.forEach(context::add);
    json.put("id", id);
    json.putArray("type").add("VerifiableCredential").add("ClrCredential");
    json.set("issuer", issuer);
    json.put("validFrom", validFrom);
    json.put("name", name);
    json.put("description", description);
    ObjectNode subjectJson = json.putObject("credentialSubject");
    subject.id().ifPresent(i -> subjectJson.put("id", i));
    subjectJson.putArray("type").add("ClrSubject");
    subject.identifier().ifPresent(i -> subjectJson.putArray("identifier").add(i.deepCopy()));
    ArrayNode held = subjectJson.putArray("verifiableCredential");
    credentials.forEach(held::add);
    if (!achievements.isEmpty()) {
      ArrayNode list = subjectJson.putArray("achievement");
      achievements.forEach(list::add);
    }
    if (!associations.isEmpty()) {
      subjectJson.set("association", associations);
    }
    ObjectNode schema = json.putArray("credentialSchema").addObject();
    schema.put("id", SCHEMA);
    schema.put("type", "1EdTechJsonSchemaValidator2019");
    return json;
  }
}
