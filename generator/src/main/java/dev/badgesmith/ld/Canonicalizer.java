package dev.badgesmith.ld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a JSON-LD document into RDFC-1.0 canonical N-Quads (the input a Data Integrity proof
 * hashes), with contexts from a {@link ContextStore} only.
 *
 * <p>Expansion silently drops what no context defines, so a signature would not cover it, while a
 * verifier in JSON-LD safe mode (Digital Bazaar's, the DCC's) rejects the document. So nothing may
 * be dropped: a property, a {@code type} value or a datatype that no context defines, and a
 * relative IRI, are each an error naming the term. To see them, expansion runs with an {@code
 * @vocab} sentinel before the document's own contexts (an undefined term then expands to an IRI
 * under the sentinel) and with a sentinel base (a relative IRI then resolves under it). Titanium's
 * undefined-terms policy cannot see terms that a context's own {@code @vocab} would swallow, such
 * as the VC 2.0 issuer-dependent vocabulary, which counts as undefined too.
 */
public final class Canonicalizer {
  private static final String UNDEFINED = "urn:badgesmith:undefined-term:";
  private static final String RELATIVE = "https://relative-iri.badgesmith.invalid/";
  private static final String ISSUER_DEPENDENT =
      "https://www.w3.org/ns/credentials/issuer-dependent#";

  private final ContextStore contexts;
  private final JsonProvider json = JsonProvider.provider();
  private final JsonDocument sentinel;

  /**
   * The active context each {@code @context} value makes, after the sentinel: processing the Open
   * Badges 3.0 and VC 2.0 contexts term by term is most of what canonicalising a credential costs,
   * and every credential names the same ones. Titanium's own cache keeps only the contexts' JSON. A
   * built context is never changed: processing more context copies it first.
   */
  private final Map<JsonValue, ActiveContext> prepared = new ConcurrentHashMap<>();

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

  /**
   * The canonical N-Quads of a document, each line ending in {@code \n}.
   *
   * @throws CanonicalizationException when a context would drop anything of the document
   */
  public String canonicalize(JsonStructure document) {
    RdfCanon canon = RdfCanon.create("SHA-256");
    Set<String> dropped = new LinkedHashSet<>();
    RdfQuadConsumer watch =
        (subject, predicate, object, datatype, language, direction, graph) -> {
          boolean ok = check(subject, dropped) & check(predicate, dropped);
          ok &= datatype == null ? check(object, dropped) : check(datatype, dropped);
          ok &= graph == null || check(graph, dropped);
          return ok
              ? canon.quad(subject, predicate, object, datatype, language, direction, graph)
              : canon;
        };
    try {
      ToRdfProcessor.toRdf(watch, expand(document), options());
    } catch (JsonLdError e) {
      throw failure(e);
    }
    if (!dropped.isEmpty()) {
      throw dropped(List.copyOf(dropped));
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
   * The document expanded as JSON-LD 1.1 expansion does it (the sentinel as the expand context,
   * then the document's own {@code @context}), with the active context of its top-level {@code
   * @context} made once and reused.
   */
  private JsonArray expand(JsonStructure document) throws JsonLdError {
    if (!(document instanceof JsonObject object) || !object.containsKey("@context")) {
      return com.apicatalog.jsonld.processor.ExpansionProcessor.expand(
          JsonDocument.of(document), options(), false);
    }
    ActiveContext context;
    try {
      context = prepared(object.get("@context"));
    } catch (PreparationFailure e) {
      throw e.error;
    }
    JsonObjectBuilder rest = json.createObjectBuilder(object);
    rest.remove("@context");
    JsonValue expanded =
        Expansion.with(context, rest.build(), null, URI.create(RELATIVE))
            .frameExpansion(false)
            .ordered(false)
            .compute();
    // As the expansion algorithm ends: a lone @graph is unwrapped, null is nothing.
    if (expanded instanceof JsonObject top && top.size() == 1 && top.containsKey("@graph")) {
      expanded = top.get("@graph");
    }
    if (expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    return expanded instanceof JsonArray array
        ? array
        : json.createArrayBuilder().add(expanded).build();
  }

  /**
   * Makes the active context of documents whose {@code @context} is {@code contexts} (URLs, in
   * order) before the first of them is canonicalised, which then need not wait for it. A context
   * that cannot be processed is left for that document to report.
   */
  public void prepare(List<String> contexts) {
    JsonArrayBuilder context = json.createArrayBuilder();
    contexts.forEach(context::add);
    try {
      prepared(context.build());
    } catch (PreparationFailure e) {
      // Not kept: canonicalising a document that names it fails, and says why.
    }
  }

  /** The active context a top-level {@code @context} makes, made once. */
  private ActiveContext prepared(JsonValue context) {
    return prepared.computeIfAbsent(
        context,
        c -> {
          try {
            return prepare(c);
          } catch (JsonLdError e) {
            throw new PreparationFailure(e);
          }
        });
  }

  /** The active context of the sentinel and then {@code context}, as expansion would make it. */
  private ActiveContext prepare(JsonValue context) throws JsonLdError {
    URI base = URI.create(RELATIVE);
    ActiveContext start = new ActiveContext(base, base, ProcessingRuntime.of(options()));
    JsonValue vocab = sentinel.getJsonContent().orElseThrow().asJsonObject().get("@context");
    return start.newContext().create(vocab, base).newContext().create(context, base);
  }

  /** Carries a context's failure out of the cache's function. */
  private static final class PreparationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonLdError error;

    PreparationFailure(JsonLdError error) {
      super(error);
      this.error = error;
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
    options.setBase(URI.create(RELATIVE));
    return options;
  }

  /**
   * Jackson is the product's JSON library; Titanium reads Jakarta JSON. The tree is copied node by
   * node, not written out and parsed again; a number becomes the number its text as written is.
   */
  JsonStructure toJakarta(JsonNode document) {
    if (!document.isContainerNode()) {
      throw new IllegalArgumentException("a JSON-LD document is an object or an array");
    }
    return (JsonStructure) jakarta(document);
  }

  private JsonValue jakarta(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        JsonObjectBuilder object = json.createObjectBuilder();
        node.fields().forEachRemaining(f -> object.add(f.getKey(), jakarta(f.getValue())));
        return object.build();
      case ARRAY:
        JsonArrayBuilder array = json.createArrayBuilder();
        node.forEach(element -> array.add(jakarta(element)));
        return array.build();
      case STRING:
        return json.createValue(node.textValue());
      case NUMBER:
        return node.isIntegralNumber()
            ? json.createValue(node.bigIntegerValue())
            : json.createValue(new BigDecimal(node.asText()));
      case BOOLEAN:
        return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
      case NULL:
        return JsonValue.NULL;
      default:
        throw new IllegalArgumentException("not JSON: a " + node.getNodeType() + " node");
    }
  }

  /** What an IRI that expansion made stands for, when a context would have dropped it. */
  private static Optional<String> undefined(String iri) {
    if (iri.startsWith(UNDEFINED)) {
      return Optional.of(iri.substring(UNDEFINED.length()));
    }
    if (iri.startsWith(ISSUER_DEPENDENT)) {
      return Optional.of(iri.substring(ISSUER_DEPENDENT.length()));
    }
    if (iri.startsWith(RELATIVE)) {
      return Optional.of(iri.substring(RELATIVE.length()) + " (a relative IRI)");
    }
    return Optional.empty();
  }

  /** Notes an IRI a context would have dropped; true when it is fine. */
  private static boolean check(String iri, Set<String> dropped) {
    Optional<String> term = undefined(iri);
    term.ifPresent(dropped::add);
    return term.isEmpty();
  }

  private static CanonicalizationException dropped(List<String> terms) {
    String them = terms.size() == 1 ? "it" : "them";
    return new CanonicalizationException(
        (terms.size() == 1 ? "undefined JSON-LD term '" : "undefined JSON-LD terms '")
            + String.join("', '", terms)
            + "': no context of the document defines "
            + them
            + ", so JSON-LD drops "
            + them
            + ", a signature would not cover "
            + them
            + " and verifiers in safe mode reject the document; fix the spelling, make the IRI"
            + " absolute, or add a context that defines "
            + them,
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
