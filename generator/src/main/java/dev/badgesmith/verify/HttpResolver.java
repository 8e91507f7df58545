package dev.badgesmith.verify;

import static dev.badgesmith.verify.ResolveException.Reason.FAILED;
import static dev.badgesmith.verify.ResolveException.Reason.GONE;
import static dev.badgesmith.verify.ResolveException.Reason.NOT_FOUND;
import static dev.badgesmith.verify.ResolveException.Reason.OUT_OF_REACH;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Fetches live {@code https} URLs (and did:web DID documents) with short timeouts and a size limit,
 * since what a credential points at is chosen by whoever made it.
 */
public final class HttpResolver implements Resolver {
  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;
  private final Function<URI, URI> address;
  private final boolean allowHttp;

  private HttpResolver(Builder builder) {
    this.allowHttp = builder.allowHttp;
    this.timeout = builder.timeout;
    this.maxBytes = builder.maxBytes;
    this.address = builder.address;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public byte[] fetch(String url) throws ResolveException {
    String target = DidWeb.withoutFragment(DidWeb.isDidWeb(url) ? DidWeb.documentUrl(url) : url);
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      throw new ResolveException(OUT_OF_REACH, "not a URL: " + url);
    }
    if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
      throw new ResolveException(OUT_OF_REACH, "only https URLs are fetched, not " + url);
    }
    HttpRequest request =
        HttpRequest.newBuilder(address.apply(uri))
            .timeout(timeout)
            .header("Accept", "application/json, application/ld+json, */*")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ResolveException(FAILED, "cannot fetch " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolveException(FAILED, "interrupted while fetching " + url);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404) {
        throw new ResolveException(NOT_FOUND, "nothing is published at " + url + " (HTTP 404)");
      }
      if (status == 410) {
        throw new ResolveException(GONE, url + " is gone (HTTP 410)");
      }
      if (status != 200) {
        throw new ResolveException(FAILED, url + " answered HTTP " + status);
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ResolveException(FAILED, url + " is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new ResolveException(FAILED, "cannot read " + url + ": " + e);
    }
  }

  /** Timeouts, size limit, and where URLs are really fetched from. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(10);
    private long maxBytes = 8L * 1024 * 1024;
    private Function<URI, URI> address = Function.identity();
    private boolean allowHttp;

    private Builder() {}

    /**
     * Also fetches plain {@code http} URLs: old assertions are read from them for import, never
     * trusted for verification.
     */
    public Builder allowHttp() {
      this.allowHttp = true;
      return this;
    }

    /** The connect timeout, and the time a whole request may take (default 10 seconds). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The largest body accepted (default 8 MiB: a baked image is the largest thing fetched). */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** Maps a URL to the address it is fetched from: a mirror, or a local test server. */
    public Builder address(Function<URI, URI> address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    public HttpResolver build() {
      return new HttpResolver(this);
    }
  }
}
