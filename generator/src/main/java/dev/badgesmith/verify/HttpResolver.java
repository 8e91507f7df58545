package dev.badgesmith.verify;

import static dev.badgesmith.verify.ResolveException.Reason.FAILED;
import static dev.badgesmith.verify.ResolveException.Reason.GONE;
import static dev.badgesmith.verify.ResolveException.Reason.NOT_FOUND;
import static dev.badgesmith.verify.ResolveException.Reason.OUT_OF_REACH;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Fetches live {@code https} URLs (and did:web DID documents), since what a credential points at is
 * chosen by whoever made it: each fetch has a connect timeout and a total deadline (a server that
 * trickles its body is cut off), a size limit, at most {@value #MAX_REDIRECTS} redirects, and
 * refuses hosts with a loopback, private, link-local or other local address unless allowed.
 */
public final class HttpResolver implements Resolver {
  static final int MAX_REDIRECTS = 5;

  /** The connect timeout, and the time a whole fetch may take, redirects and body included. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;
  private final boolean allowHttp;
  private final boolean allowPrivateAddresses;

  private HttpResolver(Builder builder) {
    this.allowHttp = builder.allowHttp;
    this.allowPrivateAddresses = builder.allowPrivateAddresses;
    this.maxBytes = builder.maxBytes;
    this.timeout = builder.timeout;
    // Redirects are followed here, one at a time, so each new host is checked like the first.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What the host answers to one GET of {@code url}, a redirect not followed: for tools that judge
   * the answer itself (its status, headers and bytes), within the same limits as {@link #fetch}.
   *
   * @throws ResolveException when the URL is out of reach, or no answer came within the limits
   */
  public Answer answer(String url) throws ResolveException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ResolveException(OUT_OF_REACH, "not a URL: " + url);
    }
    return exchange(uri, url, System.nanoTime() + timeout.toNanos());
  }

  /**
   * One answer of a host.
   *
   * @param uri the URL asked for (not the address it was fetched from)
   */
  public record Answer(URI uri, int status, HttpHeaders headers, byte[] body) {
    public Answer {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
    }

    /** The first value of a header, if sent. */
    public java.util.Optional<String> header(String name) {
      return headers.firstValue(name);
    }
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
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int redirects = 0; ; redirects++) {
      Answer response = exchange(uri, url, deadline);
      int status = response.status();
      if (status >= 300 && status < 400 && status != 304) {
        String location = response.header("Location").orElse("");
        if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
          throw new ResolveException(
              FAILED,
              url
                  + (location.isEmpty()
                      ? " answered HTTP " + status + " without a Location"
                      : " redirects more than " + MAX_REDIRECTS + " times"));
        }
        try {
          uri = uri.resolve(location);
        } catch (IllegalArgumentException e) {
          throw new ResolveException(FAILED, url + " redirects to a malformed URL: " + location);
        }
        continue;
      }
      if (status == 404) {
        throw new ResolveException(NOT_FOUND, "nothing is published at " + url + " (HTTP 404)");
      }
      if (status == 410) {
        throw new ResolveException(GONE, url + " is gone (HTTP 410)");
      }
      if (status != 200) {
        throw new ResolveException(FAILED, url + " answered HTTP " + status);
      }
      return response.body();
    }
  }

  /**
   * What the host answers to one POST of {@code body} to {@code url}, with these request headers, a
   * redirect not followed: for a destination the user names, such as a learning record store,
   * within the same limits as {@link #fetch}.
   *
   * @throws ResolveException when the URL is out of reach, or no answer came within the limits
   */
  public Answer post(String url, Map<String, String> headers, byte[] body) throws ResolveException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ResolveException(OUT_OF_REACH, "not a URL: " + url);
    }
    Objects.requireNonNull(body, "body");
    UnaryOperator<HttpRequest.Builder> post =
        request -> {
          headers.forEach(request::header);
          return request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        };
    return exchange(uri, url, System.nanoTime() + timeout.toNanos(), post);
  }

  /** One request to {@code uri}, its scheme and host checked first, answered by the deadline. */
  private Answer exchange(URI uri, String url, long deadline) throws ResolveException {
    return exchange(
        uri,
        url,
        deadline,
        request -> request.header("Accept", "application/json, application/ld+json, */*").GET());
  }

  private Answer exchange(
      URI uri, String url, long deadline, UnaryOperator<HttpRequest.Builder> method)
      throws ResolveException {
    checkScheme(uri, url);
    checkHost(uri, url);
    HttpResponse<byte[]> response = send(uri, url, deadline, method);
    return new Answer(uri, response.statusCode(), response.headers(), response.body());
  }

  private void checkScheme(URI uri, String url) throws ResolveException {
    if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
      throw new ResolveException(
          OUT_OF_REACH,
          "only https URLs are fetched, not "
              + uri
              + (uri.toString().equals(url) ? "" : " (from " + url + ")"));
    }
  }

  /** Refuses a host that names this machine or a private network, unless allowed. */
  private void checkHost(URI uri, String url) throws ResolveException {
    if (allowPrivateAddresses) {
      return;
    }
    String host = uri.getHost();
    if (host == null) {
      throw new ResolveException(OUT_OF_REACH, "no host in " + uri);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new ResolveException(FAILED, "cannot resolve the host of " + url + ": " + host);
    }
    for (InetAddress a : addresses) {
      if (isLocal(a)) {
        throw new ResolveException(
            OUT_OF_REACH,
            "the host "
                + host
                + " of "
                + url
                + " is at a local or private address ("
                + a.getHostAddress()
                + "); allow private addresses to fetch it");
      }
    }
  }

  /** Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT or unspecified. */
  static boolean isLocal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128); // 0/8, 100.64/10
    }
    return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
  }

  /** One request, its body read whole within the deadline and the size limit. */
  private HttpResponse<byte[]> send(
      URI uri, String url, long deadline, UnaryOperator<HttpRequest.Builder> method)
      throws ResolveException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timedOut(url);
    }
    HttpRequest request =
        method.apply(HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))).build();
    String doing = request.method().equals("GET") ? "fetching" : "sending to";
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(request, info -> new LimitedBody(maxBytes));
    try {
      return response.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw timedOut(doing, url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new ResolveException(FAILED, url + " is larger than " + maxBytes + " bytes");
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw timedOut(doing, url);
      }
      throw new ResolveException(FAILED, "cannot " + verb(request) + " " + url + ": " + cause);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new ResolveException(FAILED, "interrupted while " + doing + " " + url);
    }
  }

  private ResolveException timedOut(String url) {
    return timedOut("fetching", url);
  }

  private ResolveException timedOut(String doing, String url) {
    return new ResolveException(
        FAILED, doing + " " + url + " took longer than " + timeout.toMillis() + " ms");
  }

  /** Words for what a request does, in messages: fetching a document, or sending to a host. */
  private static String verb(HttpRequest request) {
    return request.method().equals("GET") ? "fetch" : "send to";
  }

  /** A body over the limit. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Collects a body, failing as soon as it passes the limit rather than after reading it all. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable e) {
      result.completeExceptionally(e);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  /** The schemes and hosts allowed, and the size limit. */
  public static final class Builder {
    private long maxBytes = 8L * 1024 * 1024;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean allowHttp;
    private boolean allowPrivateAddresses;

    private Builder() {}

    /**
     * Also fetches plain {@code http} URLs: old assertions are read from them for import, never
     * trusted for verification.
     */
    public Builder allowHttp() {
      this.allowHttp = true;
      return this;
    }

    /**
     * Also fetches from hosts at loopback, private and link-local addresses (a server on this
     * machine or the local network); refused by default, so a badge cannot make the machine that
     * checks it reach into its own network.
     */
    public Builder allowPrivateAddresses() {
      this.allowPrivateAddresses = true;
      return this;
    }

    /** The largest body accepted (default 8 MiB: a baked image is the largest thing fetched). */
    /**
     * The connect timeout, and the time a whole request may take; 10 s by default. A learning
     * record store given many statements at once may take longer to answer.
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("not a timeout: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    public HttpResolver build() {
      return new HttpResolver(this);
    }
  }
}
