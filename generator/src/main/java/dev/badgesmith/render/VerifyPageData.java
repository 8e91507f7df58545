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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
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

  /**
   * Each hosted assertion's id, digest and bucket key, as its award's facts give them: gathered in
   * any order, put in order (by bucket, then id) only as they are written.
   */
  private final Queue<Hosted> hostedAssertions = new ConcurrentLinkedQueue<>();

  /**
   * @param bucket the number the first three hex digits of its id's SHA-256 write
   */
  private record Hosted(String id, String digest, int bucket) {}

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
   * award between builds, so an award that is not rendered again still reaches the page. The bucket
   * its id falls in is noted too, so that is not hashed again on every build.
   */
  static void hostedAssertion(String id, JsonNode assertion, List<String> facts) {
    byte[] idHash = Sha256.of(id);
    String bucket = HexFormat.of().formatHex(idHash, 0, 2);
    facts.addAll(List.of(HOSTED, id, JsonDigest.sha256(assertion), bucket));
  }

  /**
   * Gathers an award's facts: quadruples of kind, document id, digest and the first four hex digits
   * of the id's SHA-256. Only hosted assertions are compared by digest; credentials carry their own
   * proofs, which the page checks.
   */
  void add(List<String> facts) {
    for (int i = 0; i + 3 < facts.size(); i += 4) {
      if (facts.get(i).equals(HOSTED)) {
        int bucket = Integer.parseInt(facts.get(i + 3), 0, 3, 16);
        hostedAssertions.add(new Hosted(facts.get(i + 1), facts.get(i + 2), bucket));
      }
    }
  }

  /** The hosted assertions in order of their ids, each id once. */
  private static List<Hosted> inOrder(List<Hosted> hosted) {
    hosted.sort(Comparator.comparing(Hosted::id));
    List<Hosted> once = new ArrayList<>(hosted.size());
    for (Hosted h : hosted) {
      if (!once.isEmpty() && once.get(once.size() - 1).id().equals(h.id())) {
        once.set(once.size() - 1, h);
      } else {
        once.add(h);
      }
    }
    return once;
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
    // By the first three hex digits of their ids' SHA-256, each group in the order of its ids.
    List<List<Hosted>> groups = new ArrayList<>(BY_THREE_DIGITS);
    for (int g = 0; g < BY_THREE_DIGITS; g++) {
      groups.add(new ArrayList<>());
    }
    hostedAssertions.forEach(h -> groups.get(h.bucket()).add(h));
    int total = 0;
    for (int g = 0; g < BY_THREE_DIGITS; g++) {
      groups.set(g, inOrder(groups.get(g)));
      total += groups.get(g).size();
    }
    if (total <= INLINE_HOSTED) {
      List<Hosted> all = new ArrayList<>(total);
      groups.forEach(all::addAll);
      ObjectNode hosted = data.putObject("hostedAssertions");
      inOrder(all).forEach(h -> hosted.put(h.id(), h.digest()));
    } else {
      // Every bucket is written, empty ones too, so an id from elsewhere finds a script to load.
      int digits = total <= 256 * 256 ? 2 : 3;
      ObjectNode buckets = data.putObject("hostedBuckets");
      buckets.put("digits", digits);
      buckets.put("path", "hosted/");
      int count = 1 << (4 * digits);
      int merged = BY_THREE_DIGITS / count; // groups to a bucket
      for (int b = 0; b < count; b++) {
        List<Hosted> bucket = new ArrayList<>();
        for (int g = b * merged; g < (b + 1) * merged; g++) {
          bucket.addAll(groups.get(g));
        }
        if (merged > 1) {
          bucket.sort(Comparator.comparing(Hosted::id));
        }
        String prefix = hex(b, digits);
        String file = layout.verifyHostedBucket(prefix).file();
        // Each digest is of an assertion that holds its own id: the digests, in their ids' order,
        // stand for the bucket's ids too.
        Fingerprint inputs = new Fingerprint().add(prefix);
        for (Hosted h : bucket) {
          inputs.add(h.digest());
        }
        if (plan.keepsFile(file, inputs.hex())) {
          continue;
        }
        ObjectNode json = JsonOutput.object();
        for (Hosted h : bucket) {
          json.put(h.id(), h.digest());
        }
        out.write(file, bucket(prefix, new String(JsonOutput.bytes(json), StandardCharsets.UTF_8)));
      }
    }
    data.putObject("statusLists").setAll(statusLists);
    data.putObject("credentialRevocations").setAll(credentialRevocations);
    out.write(layout.verifyData().file(), script("", "badgesmithVerifyData", data));
  }

  /** How many groups the first three hex digits of a SHA-256 make. */
  private static final int BY_THREE_DIGITS = 1 << 12;

  /** A number as {@code digits} lowercase hex digits. */
  private static String hex(int number, int digits) {
    String hex = Integer.toHexString(number);
    return "0".repeat(digits - hex.length()) + hex;
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
