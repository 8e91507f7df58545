package dev.badgesmith.ld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a JSON-LD document into RDFC-1.0 canonical N-Quads (the input a Data Integrity proof
 * hashes), with contexts from a {@link ContextStore} only.
 *
 * <p>Expansion silently drops a property no context defines, so a signature would not cover it. To
 * fail loudly instead, expansion runs with an {@code @vocab} sentinel before the document's own
 * contexts: an undefined property then expands to an IRI under the sentinel and is an error naming
 * the term. (Titanium's undefined-terms policy cannot see terms that a context's own {@code @vocab}
 * would swallow, such as the VC 2.0 issuer-dependent vocabulary.) An undefined {@code type} value,
 * such as the {@code 1EdTechRevocationList} the Open Badges 3.0 spec itself uses, is dropped as
 * every JSON-LD processor drops it (a relative IRI), so the canonical form stays the standard one.
 */
public final class Canonicalizer {
  private static final String UNDEFINED = "urn:badgesmith:undefined-term:";
  private static final String ISSUER_DEPENDENT =
      "https://www.w3.org/ns/credentials/issuer-dependent#";

  private final ContextStore contexts;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonProvider json = JsonProvider.provider();
  private final JsonDocument sentinel;

  public Canonicalizer(ContextStore contexts) {
    this.contexts = contexts;
    this.sentinel =
        JsonDocument.of(
            json.createObjectBuilder()
                .add("@context", json.createObjectBuilder().add("@vocab", UNDEFINED))
                .build());
  }

  /** Where the contexts it canonicalises with come from. */
  public ContextStore contexts() {
    return contexts;
  }

  /** The canonical N-Quads of a document, each line ending in {@code \n}. */
  public String canonicalize(JsonNode document) {
    return canonicalize(toJakarta(document));
  }

  /** The canonical N-Quads of a document, each line ending in {@code \n}. */
  public String canonicalize(JsonStructure document) {
    RdfCanon canon = RdfCanon.create("SHA-256");
    Set<String> undefined = new LinkedHashSet<>();
    RdfQuadConsumer watch =
        (subject, predicate, object, datatype, language, direction, graph) -> {
          Optional<String> property = undefined(predicate);
          if (property.isPresent()) {
            undefined.add(property.get());
            return canon;
          }
          if (datatype == null && object.startsWith(UNDEFINED)) {
            return canon; // an undefined type value: without the sentinel it is a relative IRI
          }
          if (datatype != null && datatype.startsWith(UNDEFINED)) {
            undefined.add(datatype.substring(UNDEFINED.length()));
            return canon;
          }
          return canon.quad(subject, predicate, object, datatype, language, direction, graph);
        };
    try {
      ToRdfProcessor.toRdf(watch, JsonDocument.of(document), options());
    } catch (JsonLdError e) {
      throw failure(e);
    }
    if (!undefined.isEmpty()) {
      throw undefinedTerms(List.copyOf(undefined));
    }
    StringWriter out = new StringWriter();
    try {
      canon.provide(new NQuadsWriter(out));
    } catch (RdfConsumerException e) {
      throw new CanonicalizationException("cannot write canonical N-Quads: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /**
   * The properties of a document that no context defines, in document order, without duplicates;
   * empty when every property is defined. {@link #canonicalize} refuses such a document.
   */
  public List<String> undefinedTerms(JsonNode document) {
    Set<String> properties = new LinkedHashSet<>();
    collect(expand(document), properties, new LinkedHashSet<>());
    return List.copyOf(properties);
  }

  /**
   * The {@code type} values of a document that no context defines, in document order: JSON-LD drops
   * them, so they are worth a warning (the spec's own {@code 1EdTechJsonSchemaValidator2019} is
   * one).
   */
  public List<String> undefinedTypes(JsonNode document) {
    Set<String> types = new LinkedHashSet<>();
    collect(expand(document), new LinkedHashSet<>(), types);
    return List.copyOf(types);
  }

  private JsonArray expand(JsonNode document) {
    try {
      return ExpansionProcessor.expand(JsonDocument.of(toJakarta(document)), options(), false);
    } catch (JsonLdError e) {
      throw failure(e);
    }
  }

  /**
   * Options with the contexts as the only loader. Titanium's {@code JsonLd} API starts from its
   * default options, whose loader builds an HTTP client: its selector thread, idle in native code,
   * holds up the process's exit by 300 ms.
   */
  private JsonLdOptions options() {
    JsonLdOptions options = new JsonLdOptions(contexts);
    options.setExpandContext(sentinel);
    return options;
  }

  /** Jackson is the product's JSON library; Titanium reads Jakarta JSON. */
  JsonStructure toJakarta(JsonNode document) {
    if (!document.isContainerNode()) {
      throw new IllegalArgumentException("a JSON-LD document is an object or an array");
    }
    try (JsonReader reader =
        json.createReader(new ByteArrayInputStream(mapper.writeValueAsBytes(document)))) {
      return reader.read();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The term of a property IRI that no context defined. */
  private static Optional<String> undefined(String iri) {
    if (iri.startsWith(UNDEFINED)) {
      return Optional.of(iri.substring(UNDEFINED.length()));
    }
    if (iri.startsWith(ISSUER_DEPENDENT)) {
      return Optional.of(iri.substring(ISSUER_DEPENDENT.length()));
    }
    return Optional.empty();
  }

  private static void collect(JsonValue value, Set<String> properties, Set<String> types) {
    if (value instanceof JsonArray array) {
      array.forEach(v -> collect(v, properties, types));
    } else if (value instanceof JsonObject object) {
      object.forEach(
          (key, v) -> {
            undefined(key).ifPresent(properties::add);
            if (key.equals("@type")) {
              for (JsonValue type : v instanceof JsonArray a ? a : List.of(v)) {
                if (type instanceof JsonString s && s.getString().startsWith(UNDEFINED)) {
                  types.add(s.getString().substring(UNDEFINED.length()));
                }
              }
            }
            collect(v, properties, types);
          });
    }
  }

  private static CanonicalizationException undefinedTerms(List<String> terms) {
    return new CanonicalizationException(
        (terms.size() == 1 ? "undefined JSON-LD term '" : "undefined JSON-LD terms '")
            + String.join("', '", terms)
            + "': no context of the document defines "
            + (terms.size() == 1 ? "it" : "them")
            + ", so a signature would not cover "
            + (terms.size() == 1 ? "it" : "them")
            + "; fix the spelling or add a context that defines "
            + (terms.size() == 1 ? "it" : "them"),
        terms);
  }

  /** Unwraps a context failure so the caller sees which context and what to do. */
  private static RuntimeException failure(JsonLdError e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ContextException context) {
        return context;
      }
    }
    return new CanonicalizationException("not valid JSON-LD: " + e.getMessage(), e);
  }
}
