package dev.badgesmith.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.incremental.Fingerprint;
import dev.badgesmith.incremental.RenderPlan;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.json.JsonDigest;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the verify page checks a badge against, published as {@code verify/data.js}: the issuers and
 * badge classes, the public keys (as JWK, with their validity), the digests of the hosted
 * assertions, and the revocation and status lists; and, for a site that adds Data Integrity proofs,
 * the JSON-LD contexts its credentials name, as {@code verify/contexts.js}. All of it is in the
 * site's other files too (or pinned by Badgesmith); gathered in scripts, it reaches a page opened
 * from a saved copy over file://, where browsers refuse to fetch. Awards report in parallel; maps
 * sorted by key give the same bytes every time.
 */
final class VerifyPageData {
  private static final ObjectMapper JSON = Jackson.json();
  private static final String HOSTED = "hosted";

  /**
   * Up to this many hosted assertions, their digests are in {@code data.js} itself (about 140 bytes
   * each); beyond, in buckets the page loads one at a time, so that what it loads before a badge is
   * dropped stays small however large the site.
   */
  static final int INLINE_HOSTED = 256;

  private final ObjectNode root = JsonOutput.object();
  private final Map<String, String> hostedAssertions = new ConcurrentSkipListMap<>();
  private final Map<String, JsonNode> statusLists = new ConcurrentSkipListMap<>();
  private final Map<String, JsonNode> credentialRevocations = new ConcurrentSkipListMap<>();

  /**
   * @param ob3IssuerId the issuer id of the site's credentials (its DID or profile URL), when it
   *     signs them
   */
  VerifyPageData(Site site, SiteLayout layout, Ob2Documents ob2, Optional<String> ob3IssuerId) {
    ObjectNode about = root.putObject("site");
    about.put("title", site.settings().title());
    about.put("baseUrl", site.settings().baseUrl());

    ObjectNode issuers = root.putObject("issuers");
    ObjectNode lists = root.putObject("revocationLists");
    for (Issuer issuer : site.issuers()) {
      ObjectNode profile = ob2.issuer(issuer);
      ObjectNode entry = issuers.putObject(profile.path("id").asText());
      entry.put("name", issuer.name());
      entry.set("startsWith", profile.path("verification").path("startsWith"));
      entry.set("revocationList", profile.path("revocationList"));
      if (profile.has("publicKey")) {
        entry.set("publicKey", profile.get("publicKey"));
      }
      ObjectNode revoked = lists.putObject(profile.path("revocationList").asText());
      for (Award award : site.awards()) {
        BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
        if (award.revoked() && badge.issuerId().equals(issuer.id())) {
          revoked.put(ob2.assertionId(award), award.revocation().orElseThrow().reason());
        }
      }
    }

    ObjectNode badges = root.putObject("badges");
    for (BadgeClass badge : site.badges()) {
      ObjectNode entry = badges.putObject(layout.badgeJson(badge.id()).url());
      entry.put("name", badge.name());
      entry.put("issuer", layout.issuerJson(badge.issuerId()).url());
      entry.put("page", layout.badgePage(badge.id()).url());
      // An award in another language names that language's badge class.
      for (String language :
          site.settings().languages().subList(1, site.settings().languages().size())) {
        BadgeClass local = site.translations().badge(badge, language);
        ObjectNode version =
            badges.putObject(layout.inLanguage(layout.badgeJson(badge.id()), language).url());
        version.put("name", local.name());
        version.put("issuer", layout.issuerJson(badge.issuerId()).url());
        version.put("page", layout.inLanguage(layout.badgePage(badge.id()), language).url());
      }
    }

    ArrayNode keys = root.putArray("keys");
    ArrayNode revokedKeys = root.putArray("revokedKeys");
    site.settings()
        .signing()
        .ifPresent(
            signing -> {
              for (PublishedKey key : signing.keys()) {
                KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
                ObjectNode entry = (key.revoked() ? revokedKeys : keys).addObject();
                entry.put("id", key.id());
                entry.put("algorithm", algorithm.name());
                ArrayNode names = entry.putArray("names");
                names.add(layout.keyDocument(key.id()).url());
                if (algorithm == KeyAlgorithm.Ed25519 && signing.issuerIdIsDid()) {
                  names.add(layout.did() + "#" + key.id());
                }
                boolean ob2Key =
                    signing.ob2Signed() && signing.jwtKey().filter(key.id()::equals).isPresent();
                if (ob2Key) {
                  names.add(layout.cryptographicKey(key.id()).url());
                }
                if (key.revoked()) {
                  continue; // named, so the page can say why it fails; its key is not published
                }
                PublicKeyInfo info = PublicKeyInfo.fromPem(key.id(), algorithm, key.publicKeyPem());
                entry.set("jwk", JSON.valueToTree(info.toJwk(key.id())));
                ob3IssuerId.ifPresent(id -> entry.put("controller", id));
                if (ob2Key) {
                  entry.put("owner", layout.issuerJson(site.settings().defaultIssuer()).url());
                }
                key.validFrom().ifPresent(t -> entry.put("validFrom", Ob2Documents.dateTime(t)));
                key.validUntil().ifPresent(t -> entry.put("validUntil", Ob2Documents.dateTime(t)));
              }
            });
  }

  /**
   * A hosted assertion as published at its id, noted as a fact of its award: facts are kept with an
   * award between builds, so an award that is not rendered again still reaches the page.
   */
  static void hostedAssertion(String id, JsonNode assertion, List<String> facts) {
    facts.addAll(List.of(HOSTED, id, JsonDigest.sha256(assertion)));
  }

  /**
   * Gathers an award's facts: triples of kind, document id and digest. Only hosted assertions are
   * compared by digest; credentials carry their own proofs, which the page checks.
   */
  void add(List<String> facts) {
    for (int i = 0; i + 2 < facts.size(); i += 3) {
      if (facts.get(i).equals(HOSTED)) {
        hostedAssertions.put(facts.get(i + 1), facts.get(i + 2));
      }
    }
  }

  /** A BitstringStatusList credential: its subject's purpose and encoded list. */
  void statusList(JsonNode list) {
    JsonNode subject = list.path("credentialSubject");
    ObjectNode entry = JsonOutput.object();
    entry.set("statusPurpose", subject.path("statusPurpose"));
    entry.set("encodedList", subject.path("encodedList"));
    statusLists.put(list.path("id").asText(), entry);
  }

  /** The 1EdTech revocation list of credentials. */
  void credentialRevocations(JsonNode list) {
    ObjectNode revoked = JsonOutput.object();
    for (JsonNode entry : list.path("revokedCredential")) {
      if (entry.path("revoked").asBoolean(true)) {
        revoked.put(entry.path("id").asText(), entry.path("revocationReason").asText(""));
      }
    }
    credentialRevocations.put(list.path("id").asText(), revoked);
  }

  /**
   * Writes the scripts: {@code verify/data.js}, one assignment of the data to {@code
   * window.badgesmithVerifyData}, and on a site of more than {@value #INLINE_HOSTED} hosted
   * assertions their digests in buckets beside it, which the page loads one at a time. Each bucket
   * is written as it is made: a large site's buckets are never held together. A bucket whose
   * digests are those the last build wrote it with is kept as published: a rebuild that adds an
   * award changes one.
   */
  void write(SiteLayout layout, OutputSink out, RenderPlan plan) throws IOException {
    ObjectNode data = root.deepCopy();
    if (hostedAssertions.size() <= INLINE_HOSTED) {
      ObjectNode hosted = data.putObject("hostedAssertions");
      hostedAssertions.forEach(hosted::put);
    } else {
      // Every bucket is written, empty ones too, so an id from elsewhere finds a script to load.
      int digits = hostedAssertions.size() <= 256 * 256 ? 2 : 3;
      ObjectNode buckets = data.putObject("hostedBuckets");
      buckets.put("digits", digits);
      buckets.put("path", "hosted/");
      int count = 1 << (4 * digits);
      // The ids, in their order, grouped by bucket (a counting sort by the prefix of their digest).
      String[] ids = new String[hostedAssertions.size()];
      String[] digests = new String[ids.length];
      int n = 0;
      for (Map.Entry<String, String> hosted : hostedAssertions.entrySet()) {
        ids[n] = hosted.getKey();
        digests[n++] = hosted.getValue();
      }
      int[] bucketOf = new int[ids.length];
      int[] starts = new int[count + 1];
      MessageDigest sha256 = Sha256.newDigest();
      for (int i = 0; i < ids.length; i++) {
        bucketOf[i] = bucket(sha256.digest(ids[i].getBytes(StandardCharsets.UTF_8)), digits);
        starts[bucketOf[i] + 1]++;
      }
      for (int b = 0; b < count; b++) {
        starts[b + 1] += starts[b];
      }
      int[] grouped = new int[ids.length];
      int[] next = java.util.Arrays.copyOf(starts, count);
      for (int i = 0; i < ids.length; i++) {
        grouped[next[bucketOf[i]]++] = i;
      }
      for (int b = 0; b < count; b++) {
        String prefix = String.format(Locale.ROOT, "%0" + digits + "x", b);
        String file = layout.verifyHostedBucket(prefix).file();
        // Each digest is of an assertion that holds its own id: the digests, in their ids' order,
        // stand for the bucket's ids too.
        Fingerprint inputs = new Fingerprint().add(prefix);
        for (int i = starts[b]; i < starts[b + 1]; i++) {
          inputs.add(digests[grouped[i]]);
        }
        if (plan.keepsFile(file, inputs.hex())) {
          continue;
        }
        ObjectNode bucket = JsonOutput.object();
        for (int i = starts[b]; i < starts[b + 1]; i++) {
          bucket.put(ids[grouped[i]], digests[grouped[i]]);
        }
        out.write(
            file, bucket(prefix, new String(JsonOutput.bytes(bucket), StandardCharsets.UTF_8)));
      }
    }
    data.putObject("statusLists").setAll(statusLists);
    data.putObject("credentialRevocations").setAll(credentialRevocations);
    out.write(layout.verifyData().file(), script("", "badgesmithVerifyData", data));
  }

  /** The bucket of an id's SHA-256: the number its first {@code digits} hex digits write. */
  private static int bucket(byte[] sha256, int digits) {
    int bucket = 0;
    for (int d = 0; d < digits; d++) {
      int b = sha256[d / 2] & 0xff;
      bucket = (bucket << 4) | (d % 2 == 0 ? b >>> 4 : b & 0xf);
    }
    return bucket;
  }

  /** One bucket's script: its digests added to {@code window.badgesmithHosted} under its prefix. */
  private static byte[] bucket(String prefix, String json) {
    return ("// Generated by Badgesmith for the verify page: the digests of the hosted assertions"
            + " whose id's SHA-256 starts with "
            + prefix
            + ".\n(window.badgesmithHosted = window.badgesmithHosted || {})[\""
            + prefix
            + "\"] = "
            + json.strip().replace("</", "<\\/")
            + ";\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The JSON-LD contexts the page canonicalises credentials with, as a script: each context's text,
   * byte for byte as Badgesmith pins it and signs with, and its pinned SHA-256, which the page
   * checks before use.
   *
   * @param urls the contexts the site's credentials name
   */
  static byte[] contexts(ContextStore store, List<String> urls) {
    ObjectNode all = JsonOutput.object();
    for (String url : new TreeSet<>(urls)) {
      ObjectNode entry = all.putObject(url);
      entry.put("sha256", ContextStore.pinnedSha256(url).orElseThrow());
      entry.put("text", new String(store.bytes(url), StandardCharsets.UTF_8));
    }
    return script(
        ": the JSON-LD contexts of its credentials, exactly as pinned", "badgesmithContexts", all);
  }

  private static byte[] script(String what, String variable, ObjectNode data) {
    String json = new String(JsonOutput.bytes(data), StandardCharsets.UTF_8).strip();
    // In a script, "</" could end the element; JSON allows escaping the slash.
    json = json.replace("</", "<\\/");
    return ("// Generated by Badgesmith for the verify page (verify/index.html)"
            + what
            + ".\n"
            + "window."
            + variable
            + " = "
            + json
            + ";\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
