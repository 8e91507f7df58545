package dev.badgesmith.ld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.badgesmith.hash.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON-LD contexts a published document may name, shipped inside Badgesmith and pinned by their
 * SHA-256, so that a canonical form (and so a signature) never depends on a server answering or on
 * what it serves today. Nothing is ever fetched: copies of one context URL differ between sources,
 * and a build must give the same bytes on every machine. Verifiers do the same (Digital Bazaar's
 * and the DCC's npm context packages, the 1EdTech validator's bundled contexts).
 *
 * <p>Each context is read from the class path and parsed once, on first use; a store is safe to use
 * from many threads.
 */
public final class ContextStore implements DocumentLoader {
  /**
   * A context Badgesmith ships: its URL, its resource under {@code badgesmith/contexts/}, its
   * SHA-256.
   */
  private record PinnedContext(String url, String file, String sha256) {}

  private static final String RESOURCES = "badgesmith/contexts/";

  private static final List<PinnedContext> PINNED =
      List.of(
          new PinnedContext(
              "https://www.w3.org/ns/credentials/v2",
              "w3c/credentials-v2.jsonld",
              "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"),
          new PinnedContext(
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
              "ob3/context-3.0.3.json",
              "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"),
          new PinnedContext(
              "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
              "ob3/extensions.json",
              "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"),
          new PinnedContext(
              "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
              "clr/context-2.0.1.json",
              "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"),
          new PinnedContext(
              "https://w3id.org/security/data-integrity/v2",
              "w3c/data-integrity-v2.jsonld",
              "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"),
          new PinnedContext(
              "https://w3id.org/security/multikey/v1",
              "w3c/multikey-v1.jsonld",
              "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"),
          new PinnedContext(
              "https://www.w3.org/ns/did/v1",
              "w3c/did-v1.jsonld",
              "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"),
          new PinnedContext(
              "https://w3id.org/openbadges/v2",
              "ob2/context.json",
              "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"));

  private static final Map<String, PinnedContext> BY_URL =
      PINNED.stream().collect(Collectors.toUnmodifiableMap(PinnedContext::url, c -> c));

  private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
  private final Map<String, JsonDocument> parsed = new ConcurrentHashMap<>();

  /** A store of the contexts shipped with Badgesmith. */
  public ContextStore() {}

  /** The parsed context at {@code url}; read, checked and parsed on first use only. */
  public JsonDocument context(String url) {
    PinnedContext pin = pin(url);
    return parsed.computeIfAbsent(url, u -> parse(pin, bytes(u)));
  }

  /**
   * The exact bytes of the context at {@code url}, checked against its pinned digest: what a site
   * publishes for a verifier that canonicalises with the same contexts (the verify page).
   */
  public byte[] bytes(String url) {
    PinnedContext pin = pin(url);
    return bytes.computeIfAbsent(url, u -> checked(pin, read(pin))).clone();
  }

  /** The pinned SHA-256 of a context Badgesmith knows, as lowercase hex. */
  public static Optional<String> pinnedSha256(String url) {
    return Optional.ofNullable(BY_URL.get(url)).map(PinnedContext::sha256);
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    try {
      return context(url.toString());
    } catch (ContextException e) {
      // Titanium wraps this; Canonicalizer unwraps it so the caller sees the ContextException.
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
    }
  }

  private static PinnedContext pin(String url) {
    PinnedContext pin = BY_URL.get(url);
    if (pin == null) {
      throw new ContextException(
          "unknown JSON-LD context "
              + url
              + ": Badgesmith never fetches a context, and ships only these: "
              + String.join(", ", BY_URL.keySet().stream().sorted().toList()));
    }
    return pin;
  }

  private static byte[] read(PinnedContext pin) {
    String resource = RESOURCES + pin.file();
    try (InputStream in = ContextStore.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the JSON-LD context " + pin.url() + " is missing from Badgesmith (" + resource + ")");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JSON-LD context " + resource, e);
    }
  }

  private static byte[] checked(PinnedContext pin, byte[] bytes) {
    String actual = sha256(bytes);
    if (!actual.equals(pin.sha256())) {
      // Only a damaged jar or class path gets here: the shipped copies are the pinned ones.
      throw new IllegalStateException(
          "the JSON-LD context "
              + pin.url()
              + " shipped in Badgesmith does not match its pinned digest: expected SHA-256 "
              + pin.sha256()
              + ", got "
              + actual);
    }
    return bytes;
  }

  private static JsonDocument parse(PinnedContext pin, byte[] bytes) {
    try {
      JsonDocument doc = JsonDocument.of(new ByteArrayInputStream(bytes));
      doc.setDocumentUrl(URI.create(pin.url()));
      return doc;
    } catch (JsonLdError e) {
      throw new IllegalStateException("the JSON-LD context " + pin.url() + " is not JSON", e);
    }
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
