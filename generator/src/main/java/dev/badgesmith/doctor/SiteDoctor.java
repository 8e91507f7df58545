package dev.badgesmith.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.doctor.PublishedManifest.ListedFile;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.verify.DidWeb;
import dev.badgesmith.verify.HttpResolver;
import dev.badgesmith.verify.HttpResolver.Answer;
import dev.badgesmith.verify.ResolveException;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a deployed site as verifiers meet it over HTTP: fetches its {@code manifest.json}, then
 * every file it lists (or an even sample of them), each as it is: 200 without a redirect, the bytes
 * the build wrote, the right media type, CORS where browsers fetch, every document at its own id,
 * and the DID document where did:web resolution looks for it.
 */
public final class SiteDoctor {
  /** Requests at once: enough to check a site quickly, few enough to be polite to its host. */
  static final int CONCURRENCY = 6;

  /** A manifest lists every file, one line each: a large site's is tens of megabytes. */
  static final long MANIFEST_LIMIT = 64L * 1024 * 1024;

  private static final ObjectMapper JSON = Jackson.json();

  private final HttpResolver.Builder http;
  private final OptionalInt maxFiles;

  /**
   * @param http the client's settings (deadlines, size limit, private addresses), as {@code verify}
   *     fetches; {@code http} URLs are allowed for a site given as one. The doctor sets what it
   *     needs on it (http, the manifest's size limit): give each doctor a builder of its own
   * @param maxFiles check at most this many of the listed files, spread evenly over the list
   */
  public SiteDoctor(HttpResolver.Builder http, OptionalInt maxFiles) {
    this.http = http;
    this.maxFiles = maxFiles;
    if (maxFiles.isPresent() && maxFiles.getAsInt() < 1) {
      throw new BadgesmithException("--max-files must be at least 1: " + maxFiles.getAsInt());
    }
  }

  /**
   * Examines the site at {@code url}, its base URL.
   *
   * @throws BadgesmithException when the URL is not a site's address, or its host cannot be reached
   *     at all
   */
  public DoctorReport examine(String url) {
    String base = SiteAddress.baseUrl(url);
    URI baseUri = URI.create(base);
    List<Finding> findings = new ArrayList<>();
    if (baseUri.getScheme().equals("http")) {
      http.allowHttp();
      findings.add(
          SiteAddress.isLocal(baseUri.getHost())
              ? Finding.warning(
                  base, "served over http: fine for a local preview, but verifiers need https")
              : Finding.problem(
                  base, "served over http, expected https: verifiers fetch ids over https only"));
    }
    // The file client is built first: the manifest's client only has a larger size limit.
    HttpResolver files = http.build();
    HttpResolver manifestClient = http.maxBytes(MANIFEST_LIMIT).build();
    String manifestUrl = base + "manifest.json";
    Answer answer;
    try {
      answer = manifestClient.answer(manifestUrl);
    } catch (ResolveException e) {
      throw new BadgesmithException("cannot examine " + base + ": " + e.getMessage());
    }
    Optional<String> unusable = unusable(answer);
    if (unusable.isPresent()) {
      findings.add(Finding.problem(manifestUrl, unusable.get()));
      return new DoctorReport(base, findings, 0, 1);
    }
    Optional<PublishedManifest> parsed = PublishedManifest.parse(answer.body());
    if (parsed.isEmpty()) {
      findings.add(
          Finding.problem(
              manifestUrl,
              "not a manifest Badgesmith wrote: expected the manifest.json of a built site here"));
      return new DoctorReport(base, findings, 0, 1);
    }
    PublishedManifest manifest = parsed.get();
    boolean atBase = manifest.baseUrl().equals(base);
    if (!atBase) {
      findings.add(
          Finding.problem(
              manifestUrl,
              "the site was built for "
                  + manifest.baseUrl()
                  + " but is served at "
                  + base
                  + ": its ids name the other address (ids are not checked further)"));
    }
    Examination exam = new Examination(files, base, atBase);
    exam.run(manifest, maxFiles);
    findings.addAll(exam.findings);
    return new DoctorReport(base, findings, manifest.files().size(), exam.checked + 1);
  }

  /** Why the manifest's answer gives nothing to examine, if it does not. */
  private static Optional<String> unusable(Answer answer) {
    int status = answer.status();
    if (isRedirect(status)) {
      return Optional.of(
          "redirects (HTTP "
              + status
              + ") to "
              + answer.header("Location").orElse("nowhere")
              + ": examine the site at its own address, its baseUrl");
    }
    if (status != 200) {
      return Optional.of(
          "HTTP " + status + ", expected 200 with the site's manifest.json: is this its baseUrl?");
    }
    return Optional.empty();
  }

  /** The work of one examination: what is fetched, and what was found. */
  private static final class Examination {
    private final HttpResolver client;
    private final String base;
    private final boolean checkIds;
    private final String siteDid;
    private final String didPath;
    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
    private final Set<String> named = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int checked;

    Examination(HttpResolver client, String base, boolean checkIds) {
      this.client = client;
      this.base = base;
      this.checkIds = checkIds;
      URI uri = URI.create(base);
      this.siteDid = SiteAddress.siteDid(uri);
      this.didPath = uri.getRawPath().equals("/") ? ".well-known/did.json" : "did.json";
    }

    void run(PublishedManifest manifest, OptionalInt maxFiles) {
      Map<String, ListedFile> listed = new LinkedHashMap<>();
      manifest.files().forEach(f -> listed.put(f.path(), f));
      List<ListedFile> chosen = sample(manifest.files(), maxFiles);
      if (listed.containsKey(didPath) && !chosen.contains(listed.get(didPath))) {
        chosen.add(listed.get(didPath));
      }
      inParallel(
          chosen.stream().map(f -> (Runnable) () -> check(f.path(), Optional.of(f))).toList());
      // The documents the checked ones name that the manifest does not list: verifiers fetch them.
      Set<String> extra = new LinkedHashSet<>();
      boolean signsWithDidWeb = false;
      for (String link : named) {
        if (link.equals(siteDid)) {
          signsWithDidWeb = true;
        } else if (link.startsWith(base) && link.length() > base.length()) {
          String path = SiteAddress.decode(link.substring(base.length()));
          if (!listed.containsKey(path)) {
            extra.add(path);
          }
        }
      }
      if (signsWithDidWeb && !listed.containsKey(didPath)) {
        extra.add(didPath);
      }
      inParallel(extra.stream().map(p -> (Runnable) () -> check(p, Optional.empty())).toList());
      checked = chosen.size() + extra.size();
    }

    /** Fetches one file and holds its answer to what verifiers need. */
    private void check(String path, Optional<ListedFile> listed) {
      String url = base + SiteAddress.encode(path);
      boolean didDocument = path.equals(didPath);
      Answer answer;
      try {
        answer = client.answer(url);
      } catch (ResolveException e) {
        findings.add(Finding.problem(url, e.getMessage()));
        return;
      }
      int status = answer.status();
      String expected =
          didDocument
              ? "expected 200 with the DID document of "
                  + siteDid
                  + ", where did:web resolution looks for it"
              : "expected 200"
                  + (listed.isPresent() ? " with the file manifest.json lists" : "")
                  + " at exactly this URL";
      if (isRedirect(status)) {
        findings.add(
            Finding.problem(
                url,
                "redirects (HTTP "
                    + status
                    + ") to "
                    + answer.header("Location").orElse("nowhere")
                    + "; "
                    + expected
                    + ": verifiers fetch ids without following redirects"));
        return;
      }
      if (status != 200) {
        findings.add(Finding.problem(url, "HTTP " + status + "; " + expected));
        return;
      }
      if (listed.isPresent()) {
        String sha256 = sha256(answer.body());
        if (!sha256.equals(listed.get().sha256())) {
          findings.add(
              Finding.problem(
                  url,
                  "SHA-256 "
                      + sha256
                      + " ("
                      + answer.body().length
                      + " bytes), expected "
                      + listed.get().sha256()
                      + " ("
                      + listed.get().size()
                      + " bytes) as manifest.json lists: the host serves other bytes than the"
                      + " build wrote"));
        }
      }
      checkHeaders(url, path, answer);
      if (path.endsWith(".json")) {
        checkDocument(url, answer.body());
      }
    }

    private void checkHeaders(String url, String path, Answer answer) {
      List<String> types = Hosting.acceptedTypes(path);
      Optional<String> type = Hosting.mediaType(answer.header("Content-Type"));
      if (!types.isEmpty() && !type.map(types::contains).orElse(false)) {
        findings.add(
            Finding.problem(
                url,
                (type.isEmpty()
                        ? "no Content-Type"
                        : "Content-Type " + answer.header("Content-Type").orElseThrow())
                    + ", expected "
                    + String.join(" or ", types)));
      }
      if (Hosting.crossOrigin(path)) {
        Optional<String> origin = answer.header("Access-Control-Allow-Origin").map(String::strip);
        if (!origin.equals(Optional.of(Hosting.ANY_ORIGIN))) {
          findings.add(
              Finding.problem(
                  url,
                  origin
                          .map(o -> "Access-Control-Allow-Origin " + o)
                          .orElse("no Access-Control-Allow-Origin")
                      + ", expected "
                      + Hosting.ANY_ORIGIN
                      + ": browser verifiers cannot read it from another origin"));
        }
      }
    }

    /** A JSON document is served at its own id, and what it names is fetched next. */
    private void checkDocument(String url, byte[] body) {
      JsonNode document;
      try {
        document = JSON.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        findings.add(Finding.problem(url, "not JSON: " + e.getOriginalMessage()));
        return;
      } catch (IOException e) {
        findings.add(Finding.problem(url, "not JSON: " + e.getMessage()));
        return;
      }
      if (document == null || !document.isObject()) {
        return;
      }
      DocumentLinks links = DocumentLinks.of(document);
      named.addAll(links.named());
      if (!checkIds || links.id().isEmpty()) {
        return;
      }
      String id = links.id().get();
      if (DidWeb.isDidWeb(id)) {
        String location = didDocumentUrl(id);
        if (!location.equals(url)) {
          findings.add(
              Finding.problem(
                  url,
                  "id "
                      + id
                      + " resolves to "
                      + location
                      + ", expected this URL: did:web resolution looks for it there"));
        }
      } else if ((id.startsWith("https://") || id.startsWith("http://")) && !id.equals(url)) {
        findings.add(
            Finding.problem(
                url, "id " + id + ", expected this URL: verifiers fetch a document by its id"));
      }
    }

    /** did:web names an https URL; a site previewed over http on this machine is asked there. */
    private String didDocumentUrl(String did) {
      String location = DidWeb.documentUrl(did);
      URI uri = URI.create(base);
      String secure = "https://" + uri.getRawAuthority() + "/";
      return uri.getScheme().equals("http") && location.startsWith(secure)
          ? "http" + location.substring("https".length())
          : location;
    }
  }

  /** Runs checks {@value #CONCURRENCY} at a time, and waits for them all. */
  private static void inParallel(List<Runnable> checks) {
    if (checks.isEmpty()) {
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(CONCURRENCY, checks.size()),
            r -> {
              Thread t = new Thread(r, "badgesmith-doctor");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Runnable check : checks) {
        running.add(pool.submit(check));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadgesmithException("interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /** At most {@code max} files, spread evenly over the list (its order is the build's). */
  static List<ListedFile> sample(List<ListedFile> files, OptionalInt max) {
    int n = files.size();
    if (max.isEmpty() || max.getAsInt() >= n) {
      return new ArrayList<>(files);
    }
    int m = max.getAsInt();
    List<ListedFile> chosen = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      chosen.add(files.get((int) ((long) i * n / m)));
    }
    return chosen;
  }

  static boolean isRedirect(int status) {
    return status >= 300 && status < 400 && status != 304;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
