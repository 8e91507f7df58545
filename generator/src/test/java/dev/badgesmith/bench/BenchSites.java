package dev.badgesmith.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The same awards as a badge site and as a Hugo site, for {@link HugoBenchmark}: N awards over 50
 * badge classes, each with a recipient's name and address, a date, a narrative in Markdown and one
 * piece of evidence. The Hugo site has a content file per award (its fields as front matter, the
 * narrative as its body), a section per badge class with its list page, and a small layout that
 * renders the name, the badge, the date, the narrative and the evidence.
 */
final class BenchSites {
  static final int BADGES = 50;

  private BenchSites() {}

  static String badge(int i) {
    return "badge-" + (i % BADGES);
  }

  /** A badge site without certificates (their PDFs are a fifth file per award Hugo has not). */
  static void writeBadgeSite(Path site, int awards) throws IOException {
    writeBadgeSite(site, awards, false);
  }

  static void writeBadgeSite(Path site, int awards, boolean certificates) throws IOException {
    SiteBenchmark.write(
        site.resolve("site.yaml"),
        "title: Benchmark Guild\nbaseUrl: https://bench.example.org/\ntimeZone: UTC\n"
            + (certificates ? "" : "pages:\n  certificates: false\n"));
    SiteBenchmark.write(
        site.resolve("issuers/guild.yaml"),
        "name: Benchmark Guild\nurl: https://bench.example.org/\nemail: badges@bench.example.org\n");
    for (int b = 0; b < BADGES; b++) {
      SiteBenchmark.write(
          site.resolve("badges/badge-" + b + ".md"),
          "---\nname: Badge "
              + b
              + "\ndescription: A badge for the benchmark.\nvalidFor: P2Y\n---\n"
              + "Do the **work**.\n");
      SiteBenchmark.write(
          site.resolve("badges/badge-" + b + ".svg"),
          String.format(
              Locale.ROOT,
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\"><circle"
                  + " cx=\"256\" cy=\"256\" r=\"240\" fill=\"#%06x\"/><path d=\"M150 260 L230"
                  + " 340 L370 180\" stroke=\"#fff\" stroke-width=\"40\" fill=\"none\"/></svg>%n",
              (0x204060 + b * 0x030507) & 0x7f7f7f));
    }
    for (int i = 0; i < awards; i++) {
      writeAward(site, i);
    }
  }

  static Path writeAward(Path site, int i) throws IOException {
    Path file = site.resolve("awards/" + badge(i) + "/learner-" + i + ".yaml");
    SiteBenchmark.write(
        file,
        "recipient:\n  email: learner-"
            + i
            + "@example.org\n  name: Learner "
            + i
            + "\nissuedOn: "
            + date(i)
            + "\nnarrative: "
            + narrative(i)
            + "\nevidence:\n  - url: https://code.example.net/learner-"
            + i
            + "\n    name: Work\n");
    return file;
  }

  /** Signs the site's credentials with keys made for the run; returns their private parts. */
  static java.util.Map<String, String> sign(Path site) throws IOException {
    var rsa = dev.badgesmith.sign.KeyGenerator.generate(dev.badgesmith.sign.KeyAlgorithm.RS256);
    var ed = dev.badgesmith.sign.KeyGenerator.generate(dev.badgesmith.sign.KeyAlgorithm.Ed25519);
    SiteBenchmark.write(site.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    SiteBenchmark.write(site.resolve("keys/ed-1.pem"), ed.publicKeyPem());
    Files.writeString(
        site.resolve("site.yaml"),
        "signing:\n  jwt: rsa-1\n  dataIntegrity: ed-1\n  keys:\n"
            + "    - id: rsa-1\n      algorithm: RS256\n    - id: ed-1\n      algorithm: Ed25519\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return java.util.Map.of(
        dev.badgesmith.sign.PrivateKeys.environmentVariable("rsa-1"), rsa.privateKeyPem(),
        dev.badgesmith.sign.PrivateKeys.environmentVariable("ed-1"), ed.privateKeyPem());
  }

  static void writeHugoSite(Path site, int awards) throws IOException {
    SiteBenchmark.write(
        site.resolve("config.toml"),
        "baseURL = \"https://bench.example.org/\"\ntitle = \"Benchmark Guild\"\n"
            + "languageCode = \"en\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n");
    SiteBenchmark.write(
        site.resolve("layouts/_default/baseof.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            + "<title>{{ .Title }} · {{ .Site.Title }}</title></head>\n"
            + "<body><main>{{ block \"main\" . }}{{ end }}</main></body>\n</html>\n");
    SiteBenchmark.write(
        site.resolve("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Params.badge }}</h1>\n"
            + "<p>Awarded to {{ .Params.recipient }} on"
            + " <time datetime=\"{{ .Date.Format \"2006-01-02\" }}\">"
            + "{{ .Date.Format \"2 January 2006\" }}</time></p>\n"
            + "<section>{{ .Content }}</section>\n"
            + "<ul>{{ range .Params.evidence }}<li><a href=\"{{ .url }}\">{{ .name }}</a></li>"
            + "{{ end }}</ul>\n"
            + "<p><a href=\"{{ .Parent.RelPermalink }}\">{{ .Params.badge }}</a></p>{{ end }}\n");
    SiteBenchmark.write(
        site.resolve("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}\n<ul>"
            + "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>"
            + " {{ .Date.Format \"2006-01-02\" }}</li>{{ end }}</ul>{{ end }}\n");
    SiteBenchmark.write(
        site.resolve("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>\n<ul>"
            + "{{ range .Sections }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>"
            + " ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}\n");
    for (int b = 0; b < BADGES; b++) {
      SiteBenchmark.write(
          site.resolve("content/badge-" + b + "/_index.md"),
          "---\ntitle: Badge "
              + b
              + "\ndescription: A badge for the benchmark.\n---\nDo the **work**.\n");
    }
    for (int i = 0; i < awards; i++) {
      writeHugoPage(site, i);
    }
  }

  static void writeHugoPage(Path site, int i) throws IOException {
    SiteBenchmark.write(
        site.resolve("content/" + badge(i) + "/learner-" + i + ".md"),
        "---\ntitle: Learner "
            + i
            + "\nrecipient: Learner "
            + i
            + "\nbadge: Badge "
            + (i % BADGES)
            + "\ndate: "
            + date(i)
            + "\nevidence:\n  - url: https://code.example.net/learner-"
            + i
            + "\n    name: Work\n---\n"
            + narrative(i)
            + "\n");
  }

  private static String date(int i) {
    return String.format(Locale.ROOT, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
  }

  private static String narrative(int i) {
    return "Wrote and shipped **project " + i + "**, reviewed by two peers.";
  }
}
