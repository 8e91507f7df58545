package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.bake.PngBaker;
import dev.badgesmith.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the browser run drops on or pastes into the verify page: the built sites' badges in every
 * proof form, and copies of them tampered with, revoked, expired, signed outside their key's
 * period, or saved and opened over file://. Each case is named; the tests read its result by name.
 */
final class VerifyCases {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = BrowserRun.JSON;
  private static final Path EXAMPLE = BrowserRun.EXAMPLE;
  private static final Path KEYS = BrowserRun.KEYS;

  private VerifyCases() {}

  /** The built sites the cases come from, and a folder for the files made for them. */
  record Sites(
      Path example, Path signed, Path before, Path windows, Path rotated, Path many, Path inputs) {}

  static void add(ArrayNode cases, Sites sites) throws IOException {
    Path example = sites.example();
    Path signed = sites.signed();
    Path before = sites.before();
    Path windows = sites.windows();
    Path rotated = sites.rotated();
    Path many = sites.many();
    Path inputs = sites.inputs();
    String award = "code-reviewer/amara-okafor";
    String revokedAward = "ownership-fundamentals/tomas-novak";
    String expiredAward = "code-reviewer/mateo-garcia";
    addFile(cases, "ob2 png", example.resolve("assertions/" + award + ".png"), false);
    addFile(cases, "ob2 svg", example.resolve("assertions/" + award + ".svg"), true);
    addFile(cases, "ob3 png", example.resolve("credentials/" + award + ".png"), false);
    addFile(cases, "ob3 svg", example.resolve("credentials/" + award + ".svg"), true);
    addText(cases, "ob2 json", example.resolve("assertions/" + award + ".json"));
    addText(cases, "ob3 json", example.resolve("credentials/" + award + ".json"));
    addFile(
        cases,
        "certificate pdf",
        example.resolve("assertions/" + award + "/certificate.pdf"),
        true);
    addFile(
        cases,
        "revoked certificate pdf",
        example.resolve("assertions/" + revokedAward + "/certificate.pdf"),
        false);
    addText(cases, "ob3 jwt", example.resolve("credentials/" + award + ".jwt"))
        .put("screenshot", "verify-result-jwt");
    addFile(cases, "ob2 signed png", signed.resolve("assertions/" + award + ".png"), false)
        .put("site", "signed");
    addText(cases, "ob2 signed jws", signed.resolve("assertions/" + award + ".jws"))
        .put("site", "signed");

    // A public earner's learner record, dropped as downloaded and pasted as a VC-JWT; and one
    // whose first credential was changed after signing.
    Path record = example.resolve("earners/li-wei-example-net/clr.json");
    addFile(cases, "clr json", record, true);
    addText(cases, "clr jwt", example.resolve("earners/li-wei-example-net/clr.jwt"));
    ObjectNode forged = (ObjectNode) JSON.readTree(record.toFile());
    ((ObjectNode) forged.path("credentialSubject").path("verifiableCredential").get(0))
        .put("name", "Forged");
    addFile(
        cases,
        "forged clr json",
        write(inputs.resolve("forged-clr.json"), JSON.writeValueAsBytes(forged)),
        true);

    byte[] design = Files.readAllBytes(example.resolve("badges/code-reviewer.png"));
    addFile(cases, "unbaked png", example.resolve("badges/code-reviewer.png"), false);
    byte[] bakedOb2 = Files.readAllBytes(example.resolve("assertions/" + award + ".png"));
    String assertion = BakedImages.extract(bakedOb2).get(0).payload();
    Path changed =
        write(
            inputs.resolve("changed-ob2.png"),
            PngBaker.bake(
                design,
                BadgeVersion.OB2,
                assertion.replaceFirst(
                    "\"issuedOn\": \"[^\"]+\"", "\"issuedOn\": \"2020-01-01T00:00:00Z\"")));
    addFile(cases, "tampered ob2 png", changed, false).put("screenshot", "verify-result-tampered");
    byte[] corrupt = bakedOb2.clone();
    int at = indexOf(corrupt, "HostedBadge".getBytes(UTF_8));
    corrupt[at] = 'X';
    addFile(cases, "corrupt ob2 png", write(inputs.resolve("corrupt-ob2.png"), corrupt), false);
    String credential =
        BakedImages.extract(Files.readAllBytes(example.resolve("credentials/" + award + ".png")))
            .get(0)
            .payload();
    Path changedOb3 =
        write(
            inputs.resolve("changed-ob3.png"),
            PngBaker.bake(
                design,
                BadgeVersion.OB3,
                credential.replaceFirst(
                    "\"name\": \"Code Reviewer\"", "\"name\": \"Code Master\"")));
    addFile(cases, "tampered ob3 png", changedOb3, false).put("screenshot", "verify-result-ob3");
    Matcher proofValue = Pattern.compile("\"proofValue\": \"(z[^\"]+)\"").matcher(credential);
    assertThat(proofValue.find()).isTrue();
    String value = proofValue.group(1);
    char swapped = value.charAt(20) == 'A' ? 'B' : 'A';
    addTextValue(
        cases,
        "altered proofValue ob3 json",
        credential.replace(value, value.substring(0, 20) + swapped + value.substring(21)));
    addTextValue(
        cases,
        "undefined term ob3 json",
        credential.replaceFirst("\"name\": \"Code Reviewer\"", "\"nickname\": \"Code Reviewer\""));
    ObjectNode withContext = (ObjectNode) JSON.readTree(credential);
    ObjectNode foreignContext = withContext.deepCopy();
    ((ArrayNode) foreignContext.get("@context")).add("https://example.org/other-context.jsonld");
    addTextValue(cases, "unknown context ob3 json", JSON.writeValueAsString(foreignContext));
    addTextValue(
        cases,
        "tampered ob3 jwt",
        tamperJwt(Files.readString(example.resolve("credentials/" + award + ".jwt")).strip()));
    addTextValue(
            cases,
            "tampered ob2 jws",
            tamperJwt(Files.readString(signed.resolve("assertions/" + award + ".jws")).strip()))
        .put("site", "signed");

    addFile(cases, "revoked ob2 png", before.resolve("assertions/" + revokedAward + ".png"), false)
        .put("screenshot", "verify-result-revoked");
    addFile(
        cases, "revoked ob3 png", before.resolve("credentials/" + revokedAward + ".png"), false);
    addFile(
        cases, "revoked ob3 jwt", example.resolve("credentials/" + revokedAward + ".jwt"), false);
    addFile(cases, "expiry", example.resolve("credentials/" + expiredAward + ".jwt"), false);

    String email = email(EXAMPLE.resolve("awards/" + award + ".yaml"));
    addFile(cases, "recipient", example.resolve("assertions/" + award + ".png"), false)
        .put("recipient", email.toUpperCase(java.util.Locale.ROOT));
    addFile(cases, "other recipient", example.resolve("credentials/" + award + ".jwt"), false)
        .put("recipient", "someone.else@example.org");

    String earlyAward = "code-reviewer/amara-okafor"; // 2025-01-15
    String lateAward = "mentor/amara-okafor"; // 2025-06-19
    addFile(
            cases,
            "re-signed ob3 png",
            windows.resolve("credentials/" + earlyAward + ".png"),
            false)
        .put("site", "windows");
    addFile(cases, "in key ob3 png", windows.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "windows");
    addText(cases, "ended key ob3 jwt", windows.resolve("credentials/" + earlyAward + ".jwt"))
        .put("site", "windows");
    // Signatures by the right keys at dates outside their periods, as a stolen retired key or a
    // backdating new one would make them; the build never does.
    addTextValue(
            cases,
            "before key ob3 json",
            Windows.proofCreated(
                windows.resolve("credentials/" + earlyAward + ".json"), "2025-01-15T00:00:00Z"))
        .put("site", "windows");
    addTextValue(
            cases,
            "after key ob3 jwt",
            Windows.jwtIssuedAt(
                windows.resolve("credentials/" + lateAward + ".jwt"), "2025-08-01T00:00:00Z"))
        .put("site", "windows");

    // After a key rotation: what the site publishes now, and the copies earners already hold.
    addFile(cases, "rotated ob3 png", rotated.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "rotated");
    addText(cases, "rotated ob3 jwt", rotated.resolve("credentials/" + lateAward + ".jwt"))
        .put("site", "rotated");
    addFile(cases, "held ob3 png", example.resolve("credentials/" + lateAward + ".png"), false)
        .put("site", "rotated");
    addText(cases, "held ob3 jwt", example.resolve("credentials/" + lateAward + ".jwt"))
        .put("site", "rotated");

    addFile(cases, "many ob2 png", many.resolve("assertions/" + award + ".png"), false)
        .put("site", "many");
    addFile(
            cases,
            "many ob2 png of another",
            many.resolve("assertions/first-contribution/learner-7.png"),
            true)
        .put("site", "many");
    addText(cases, "many ob3 json", many.resolve("credentials/" + award + ".json"))
        .put("site", "many");
    addTextValue(
            cases,
            "many ob2 json not hosted",
            Files.readString(many.resolve("assertions/" + award + ".json"), UTF_8)
                .replace(award + ".json", "code-reviewer/nobody.json"))
        .put("site", "many");

    String saved = example.resolve("verify/index.html").toUri().toString();
    for (String name :
        List.of(
            "ob2 png", "ob3 png", "ob3 svg", "ob3 jwt", "revoked ob3 jwt", "tampered ob3 png")) {
      ObjectNode copy = null;
      for (JsonNode c : cases) {
        if (c.path("name").asText().equals(name)) {
          copy = ((ObjectNode) c).deepCopy();
        }
      }
      copy.put("name", "file:// " + name);
      copy.put("pageUrl", saved);
      copy.remove("screenshot");
      cases.add(copy);
    }
  }

  /** Signs the windows site's credentials again at other dates, with the example's own keys. */
  private static final class Windows {
    private static SigningKey key(String id, dev.badgesmith.sign.KeyAlgorithm algorithm)
        throws IOException {
      var info =
          dev.badgesmith.sign.PublicKeyInfo.fromPem(
              id, algorithm, Files.readString(EXAMPLE.resolve("keys/" + id + ".pem")));
      return new SigningKey(
          id,
          algorithm,
          dev.badgesmith.sign.PrivateKeys.fromFile(KEYS.resolve(id + ".pem")),
          info.key());
    }

    /** The credential with its proof made again, dated {@code created}. */
    static String proofCreated(Path credential, String created) throws IOException {
      ObjectNode json = (ObjectNode) JSON.readTree(credential.toFile());
      ObjectNode proof = (ObjectNode) json.get("proof").get(0);
      json.remove("proof");
      ObjectNode signed =
          new dev.badgesmith.ld.DataIntegrity(
                  new dev.badgesmith.ld.Canonicalizer(new dev.badgesmith.ld.ContextStore()))
              .addProof(
                  json,
                  proof.get("verificationMethod").asText(),
                  created,
                  dev.badgesmith.sign.CredentialSigner.ed25519Signer(
                      key("guild-ed-2026", dev.badgesmith.sign.KeyAlgorithm.Ed25519)));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(signed);
    }

    /** The VC-JWT signed again, its {@code iat} at {@code issuedAt}. */
    static String jwtIssuedAt(Path jwt, String issuedAt) throws IOException {
      String[] parts = Files.readString(jwt, UTF_8).strip().split("\\.");
      ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      for (String claim : List.of("iss", "jti", "sub", "nbf", "exp", "iat")) {
        payload.remove(claim);
      }
      return dev.badgesmith.sign.CredentialSigner.signVcJwt(
          key("guild-rsa-2026", dev.badgesmith.sign.KeyAlgorithm.RS256),
          header.get("kid").asText(),
          payload,
          java.time.Instant.parse(issuedAt).getEpochSecond());
    }
  }

  private static ObjectNode addFile(ArrayNode cases, String name, Path file, boolean drop) {
    assertThat(file).as(name).isRegularFile();
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("site", "example");
    c.put("file", file.toString());
    c.put("drop", drop);
    return c;
  }

  private static ObjectNode addText(ArrayNode cases, String name, Path file) throws IOException {
    return addTextValue(cases, name, Files.readString(file, UTF_8));
  }

  private static ObjectNode addTextValue(ArrayNode cases, String name, String text) {
    ObjectNode c = cases.addObject();
    c.put("name", name);
    c.put("site", "example");
    c.put("text", text);
    return c;
  }

  /** The JWS with one claim of its payload changed and the signature kept. */
  private static String tamperJwt(String jws) {
    String[] parts = jws.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8);
    String changed =
        payload
            .replaceFirst("\"issuedOn\":\\s*\"[^\"]+\"", "\"issuedOn\": \"2020-01-01T00:00:00Z\"")
            .replaceFirst(
                "\"validFrom\":\\s*\"[^\"]+\"", "\"validFrom\": \"2020-01-01T00:00:00Z\"");
    assertThat(changed).isNotEqualTo(payload);
    return parts[0]
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(UTF_8))
        + "."
        + parts[2];
  }

  private static String email(Path award) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^\\s*email:\\s*\"?([^\"\\s]+)").matcher(Files.readString(award));
    assertThat(m.find()).as(award.toString()).isTrue();
    return m.group(1);
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
