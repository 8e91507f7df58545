package dev.badgesmith.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.award.AwardRequest;
import dev.badgesmith.award.AwardWriter;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.lock.PublishedLock;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyFiles;
import dev.badgesmith.sign.KeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code badgesmith init}: a new badge site that builds at once, with its GitHub workflows,
 * CODEOWNERS, {@code .gitignore} and the editor schemas its files name. Every file comes from a
 * template under {@code badgesmith/init/}; the example award is written by {@link AwardWriter} with
 * a hashed identity, so no address enters the repository.
 */
public final class SiteInit {
  /** The badge class of a new site. */
  public static final String BADGE_ID = "welcome";

  /** The example award, {@code awards/welcome/example-earner.yaml}. */
  public static final String AWARD_ID = "example-earner";

  /** The editor schemas, copied into {@code SITE/schemas/} and named by the files' modelines. */
  public static final List<String> SCHEMAS =
      List.of(
          "site.schema.json",
          "issuer.schema.json",
          "badge.schema.json",
          "award.schema.json",
          "endorsement.schema.json");

  public static final String SCHEMAS_FOLDER = "schemas";

  /** The example award's recipient: only its salted hash is written. */
  static final String EXAMPLE_RECIPIENT = "earner@example.org";

  private static final ObjectMapper JSON = Jackson.json();

  private SiteInit() {}

  /**
   * What {@link #create} wrote.
   *
   * @param files every file written into the site, relative to it, in order
   */
  public record Result(Path site, List<String> files, Optional<InitRequest.Signing> signing) {
    public Result {
      files = List.copyOf(files);
    }
  }

  /**
   * Writes a new site into {@code request.site()}, which must be empty or absent, and checks it.
   *
   * @param random the salt of the example award's hashed identity
   * @param lock locks a site and gives its diagnostics, as {@code badgesmith lock} does
   * @throws BadgesmithException when the folder is not empty, the private key cannot go where
   *     asked, or the options give a site with errors (then nothing is left behind)
   */
  public static Result create(
      InitRequest request, SecureRandom random, Function<Path, List<Diagnostic>> lock) {
    Path site = request.site();
    requireEmpty(site);
    request.signing().ifPresent(s -> KeyFiles.checkPrivateKeyFile(s.privateKeyFile(), site));
    Optional<KeyGenerator.PemKeyPair> pair =
        request.signing().map(s -> KeyGenerator.generate(KeyAlgorithm.RS256, random));
    boolean created = !Files.exists(site);
    List<String> written = new ArrayList<>();
    try {
      Files.createDirectories(site);
      write(request, random, written);
      if (pair.isPresent()) {
        String keyId = request.signing().get().keyId();
        KeyFiles.writePublicKey(site, keyId, pair.get().publicKeyPem());
        written.add(KeyFiles.KEYS_FOLDER + "/" + keyId + ".pem");
      }
    } catch (IOException | RuntimeException e) {
      removeQuietly(site, created);
      if (e instanceof BadgesmithException b) {
        throw b;
      }
      throw new BadgesmithException("cannot write the new site: " + e.getMessage(), e);
    }

    // The options (title, URLs, address) must make a valid site, as the checks of a pull request
    // would say; otherwise nothing is left behind. Its lock lists the example award, as the first
    // deployment publishes it.
    List<Diagnostic> diagnostics = lock.apply(site);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      String problems =
          diagnostics.stream()
              .filter(Diagnostic::isError)
              .map(Diagnostic::format)
              .collect(Collectors.joining("\n"));
      removeQuietly(site, created);
      throw new BadgesmithException(
          "the options give a site with errors, so nothing was written:\n" + problems);
    }

    written.add(PublishedLock.FILE);

    // The private key last, once nothing else can fail: it is never left without its site.
    if (request.signing().isPresent()) {
      InitRequest.Signing signing = request.signing().get();
      try {
        Files.createDirectories(signing.privateKeyFile().getParent());
        KeyFiles.writePrivateKey(signing.privateKeyFile(), site, pair.get().privateKeyPem());
      } catch (IOException | RuntimeException e) {
        removeQuietly(site, created);
        throw new BadgesmithException(
            "cannot write the private key " + signing.privateKeyFile() + ": " + e.getMessage(), e);
      }
    }
    return new Result(site, written, request.signing());
  }

  private static void requireEmpty(Path site) {
    if (Files.exists(site) && !Files.isDirectory(site)) {
      throw new BadgesmithException(site + " is a file; give a new or empty folder");
    }
    if (Files.isDirectory(site)) {
      try (Stream<Path> entries = Files.list(site)) {
        List<String> names =
            entries.map(p -> p.getFileName().toString()).sorted().limit(3).toList();
        if (!names.isEmpty()) {
          throw new BadgesmithException(
              site
                  + " is not empty (it holds "
                  + String.join(", ", names)
                  + (names.size() == 3 ? ", ..." : "")
                  + "); init makes a new site only in a new or empty folder");
        }
      } catch (IOException e) {
        throw new BadgesmithException("cannot read " + site + ": " + e.getMessage(), e);
      }
    }
  }

  private static void write(InitRequest request, SecureRandom random, List<String> written)
      throws IOException {
    Map<String, String> values = new HashMap<>();
    values.put("title", yamlText(request.title()));
    values.put("titleText", request.title());
    values.put("baseUrl", yamlText(request.baseUrl()));
    values.put("baseUrlText", request.baseUrl());
    values.put("issuerId", request.issuerId());
    values.put("issuerName", yamlText(request.issuerName()));
    values.put("issuerUrl", yamlText(request.issuerUrl()));
    values.put("issuerEmail", yamlText(request.issuerEmail()));
    values.put("badgeId", BADGE_ID);
    values.put("awardId", AWARD_ID);
    values.put("badgesmithVersion", request.badgesmith().description());
    values.put("actionRef", request.badgesmith().ref());
    request
        .signing()
        .ifPresent(
            s -> {
              values.put("keyId", s.keyId());
              values.put("keyVariable", s.environmentVariable());
            });
    Set<String> flags = request.signing().isPresent() ? Set.of("signing") : Set.of();
    values.put("shards", Integer.toString(request.shards()));
    values.put("shardList", shardList(request.shards()));
    values.put("shardDirs", shardDirs(request.shards()));

    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("site.yaml", "site.yaml");
    files.put("issuer.yaml", "issuers/" + request.issuerId() + ".yaml");
    files.put("badge.md", "badges/" + BADGE_ID + ".md");
    files.put("gitignore", ".gitignore");
    files.put("CODEOWNERS", ".github/CODEOWNERS");
    files.put("check.yml", ".github/workflows/check.yml");
    files.put(
        request.shards() > 1 ? "deploy-sharded.yml" : "deploy.yml", ".github/workflows/deploy.yml");
    files.put("dependabot.yml", ".github/dependabot.yml");
    files.put("README.md", "README.md");
    Path site = request.site();
    for (Map.Entry<String, String> file : files.entrySet()) {
      String text = Template.render(Template.resource(file.getKey()), values, flags);
      newFile(site, file.getValue(), text.getBytes(StandardCharsets.UTF_8), written);
    }
    for (String schema : SCHEMAS) {
      newFile(
          site,
          SCHEMAS_FOLDER + "/" + schema,
          Template.bytes("/badgesmith/schemas/" + schema),
          written);
    }

    // The award as `badgesmith award --hash` writes it; the example address is only hashed.
    String award =
        AwardWriter.write(
            site,
            new AwardRequest(
                BADGE_ID,
                Optional.of(AWARD_ID),
                "email",
                EXAMPLE_RECIPIENT,
                Optional.of("Example Earner"),
                request.today(),
                Optional.of("The first award of this site: replace it with a real one."),
                List.of(),
                true),
            random);
    Path awardFile = site.resolve(award);
    String header = Template.render(Template.resource("award-header.yaml"), values, flags);
    Files.writeString(
        awardFile,
        header + Files.readString(awardFile, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);
    written.add(award);
  }

  private static void newFile(Path site, String path, byte[] content, List<String> written)
      throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content, StandardOpenOption.CREATE_NEW);
    written.add(path);
  }

  /** A YAML scalar for any text: JSON's double-quoted string is YAML's too. */
  private static String yamlText(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }

  /** Undoes a failed init: the folder it made, or what it wrote into an empty one. */
  private static void removeQuietly(Path site, boolean created) {
    if (!Files.isDirectory(site)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (created || !p.equals(site)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // the error being reported matters more
    }
  }

  /** The matrix of a sharded deploy workflow: {@code [1, 2, 3]}. */
  private static String shardList(int shards) {
    return java.util.stream.IntStream.rangeClosed(1, shards)
        .mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /** Where the merge job finds each shard's output: {@code shards/shard-1 shards/shard-2}. */
  private static String shardDirs(int shards) {
    return java.util.stream.IntStream.rangeClosed(1, shards)
        .mapToObj(k -> "shards/shard-" + k)
        .collect(java.util.stream.Collectors.joining(" "));
  }
}
