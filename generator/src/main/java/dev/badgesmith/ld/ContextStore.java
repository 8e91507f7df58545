package dev.badgesmith.ld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.badgesmith.write.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON-LD contexts a credential may name, each pinned by its SHA-256, so that a canonical form
 * (and so a signature) never depends on what a remote server returns today.
 *
 * <p>Sources, in order: a folder of context files (the reference copies), a cache folder, and the
 * context's URL, fetched only when allowed and then written to the cache folder. Every source's
 * bytes must match the pinned digest. Each context is parsed once and shared; a store is safe to
 * use from many threads.
 */
public final class ContextStore implements DocumentLoader {
  /** A context Badgesmith knows: its URL, its file name in a context folder, its SHA-256. */
  public record PinnedContext(String url, String file, String sha256) {}

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

  private final Path folder;
  private final Path cacheFolder;
  private final boolean fetch;
  private final Function<URI, URI> fetchAddress;
  private final Duration timeout;
  private final Map<String, JsonDocument> parsed = new ConcurrentHashMap<>();
  private volatile HttpClient client;

  private ContextStore(Builder builder) {
    this.folder = builder.folder;
    this.cacheFolder = builder.cacheFolder;
    this.fetch = builder.fetch;
    this.fetchAddress = builder.fetchAddress;
    this.timeout = builder.timeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The contexts this store can provide. */
  public static List<PinnedContext> pinned() {
    return PINNED;
  }

  /** The usual cache folder under a user's home: {@code ~/.cache/badgesmith/contexts}. */
  public static Path defaultCacheFolder(Path userHome) {
    return userHome.resolve(".cache/badgesmith/contexts");
  }

  /** The parsed context at {@code url}; loaded, checked and parsed on first use only. */
  public JsonDocument context(String url) {
    PinnedContext pin = BY_URL.get(url);
    if (pin == null) {
      throw new ContextException(
          url,
          "unknown JSON-LD context "
              + url
              + ": Badgesmith only loads contexts it pins by digest ("
              + String.join(", ", BY_URL.keySet().stream().sorted().toList())
              + "); use one of them, or add the context and its SHA-256 to ContextStore");
    }
    return parsed.computeIfAbsent(url, u -> parse(pin, load(pin)));
  }

  /**
   * The exact bytes of the context at {@code url}, checked against its pinned digest: what a site
   * publishes for a verifier that canonicalises with the same contexts (the verify page).
   */
  public byte[] bytes(String url) {
    PinnedContext pin = BY_URL.get(url);
    if (pin == null) {
      throw new ContextException(url, "unknown JSON-LD context " + url);
    }
    return load(pin);
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

  private byte[] load(PinnedContext pin) {
    if (folder != null) {
      Optional<byte[]> local = read(folder.resolve(pin.file()));
      if (local.isPresent()) {
        return checked(pin, local.get(), folder.resolve(pin.file()).toString(), "fix or replace");
      }
    }
    Path cached = cacheFolder == null ? null : cacheFolder.resolve(pin.file());
    if (cached != null) {
      Optional<byte[]> hit = read(cached);
      if (hit.isPresent()) {
        return checked(pin, hit.get(), cached.toString(), "delete");
      }
    }
    if (!fetch) {
      throw new ContextException(
          pin.url(),
          "the JSON-LD context "
              + pin.url()
              + " is not available offline"
              + (folder == null ? "" : " (not in " + folder + ")")
              + (cached == null ? "" : " (not cached at " + cached + ")")
              + ": allow fetching contexts, or put the file "
              + pin.file()
              + " into the contexts folder");
    }
    byte[] fetched = checked(pin, download(pin), pin.url(), "report the change of");
    if (cached != null) {
      store(cached, fetched);
    }
    return fetched;
  }

  private static byte[] checked(PinnedContext pin, byte[] bytes, String source, String remedy) {
    String actual = sha256(bytes);
    if (!actual.equals(pin.sha256())) {
      throw new ContextException(
          pin.url(),
          "the JSON-LD context "
              + pin.url()
              + " from "
              + source
              + " does not match its pinned digest: expected SHA-256 "
              + pin.sha256()
              + ", got "
              + actual
              + "; "
              + remedy
              + " "
              + source
              + " (a changed context changes every canonical form and signature)");
    }
    return bytes;
  }

  private byte[] download(PinnedContext pin) {
    URI address = fetchAddress.apply(URI.create(pin.url()));
    HttpRequest request =
        HttpRequest.newBuilder(address)
            .timeout(timeout)
            .header("Accept", "application/ld+json, application/json")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response =
          client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new ContextException(
            pin.url(),
            "fetching the JSON-LD context "
                + pin.url()
                + " from "
                + address
                + " failed with HTTP status "
                + response.statusCode()
                + "; put the file "
                + pin.file()
                + " into the contexts folder instead");
      }
      return response.body();
    } catch (IOException e) {
      throw new ContextException(
          pin.url(),
          "fetching the JSON-LD context "
              + pin.url()
              + " from "
              + address
              + " failed ("
              + e
              + "); put the file "
              + pin.file()
              + " into the contexts folder instead",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContextException(pin.url(), "interrupted while fetching " + pin.url(), e);
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          // NORMAL redirects: w3id.org and purl.imsglobal.org redirect, but never to plain http.
          client =
              HttpClient.newBuilder()
                  .connectTimeout(timeout)
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .build();
        }
        c = client;
      }
    }
    return c;
  }

  private static JsonDocument parse(PinnedContext pin, byte[] bytes) {
    try {
      JsonDocument doc = JsonDocument.of(new ByteArrayInputStream(bytes));
      doc.setDocumentUrl(URI.create(pin.url()));
      return doc;
    } catch (JsonLdError e) {
      throw new ContextException(pin.url(), "the JSON-LD context " + pin.url() + " is not JSON", e);
    }
  }

  private static Optional<byte[]> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes through a temporary file, so a reader never sees half a context. */
  private static void store(Path file, byte[] bytes) {
    try {
      AtomicFile.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache a JSON-LD context at " + file, e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Configures where contexts come from; by default nothing is read or fetched. */
  public static final class Builder {
    private Path folder;
    private Path cacheFolder;
    private boolean fetch;
    private Function<URI, URI> fetchAddress = Function.identity();
    private Duration timeout = Duration.ofSeconds(10);

    private Builder() {}

    /** A folder holding context files under the names of {@link PinnedContext#file()}. */
    public Builder folder(Path folder) {
      this.folder = folder;
      return this;
    }

    /** Where fetched contexts are kept, under the same names as in {@link #folder(Path)}. */
    public Builder cacheFolder(Path cacheFolder) {
      this.cacheFolder = cacheFolder;
      return this;
    }

    /** Whether a context found in neither folder may be fetched from its URL. */
    public Builder fetch(boolean fetch) {
      this.fetch = fetch;
      return this;
    }

    /** Maps a context URL to the address it is fetched from (a mirror, or a local test server). */
    public Builder fetchAddress(Function<URI, URI> fetchAddress) {
      this.fetchAddress = fetchAddress;
      return this;
    }

    /** The connect and request timeout of a fetch. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public ContextStore build() {
      if (fetch && cacheFolder == null) {
        throw new IllegalStateException(
            "fetching contexts needs a cache folder, so that a build fetches each one once");
      }
      return new ContextStore(this);
    }
  }
}
