package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.SignedSite;
import dev.badgesmith.testing.StaticHost;
import dev.badgesmith.testing.StaticHost.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  @TempDir static Path tmp;
  static StaticHost host;
  static String site;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @BeforeAll
  static void deploy() throws IOException {
    host = StaticHost.start();
    Path out = tmp.resolve("out");
    SignedSite.unpack(tmp.resolve("site")).buildAt(host.origin(), out);
    host.serve(out, "/guild/");
    site = host.origin() + "/guild/";
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.close();
    }
  }

  @AfterEach
  void heal() {
    host.heal();
  }

  private int doctor(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "doctor";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all, Map.of(), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
  }

  @Test
  void exitsZeroWithASummaryForASiteServedRight() {
    int code = doctor(site, "--allow-private-addresses");

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString().lines())
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .isEqualTo(
                        site
                            + ": warning: served over http: fine for a local preview, but"
                            + " verifiers need https"),
            l ->
                assertThat(l)
                    .matches(
                        "No problems \\(1 warning\\): \\d+ URLs checked \\(\\d+ files listed\\) at "
                            + site));
    assertThat(stderr.toString()).isEmpty();
  }

  @Test
  void exitsOneWithALinePerProblem() {
    host.fault("badges/intro.json", Fault.NO_CORS)
        .fault("assertions/intro/jane.png", Fault.MISSING);

    int code = doctor(site.substring(0, site.length() - 1), "--allow-private-addresses");

    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString())
        .contains(site + "assertions/intro/jane.png: HTTP 404; expected 200")
        .contains(site + "badges/intro.json: no Access-Control-Allow-Origin, expected *")
        .containsPattern("(?m)^2 problems, 1 warning: \\d+ URLs checked");
  }

  @Test
  void exitsTwoForThisMachineUnlessPrivateAddressesAreAllowed() {
    assertThat(doctor(site)).isEqualTo(2);
    assertThat(stderr.toString())
        .startsWith("badgesmith: cannot examine " + site + ": the host 127.0.0.1 of ")
        .contains("allow private addresses");
    assertThat(stdout.toString()).isEmpty();
  }

  @Test
  void exitsTwoWhenTheHostDoesNotAnswer() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThat(doctor("http://127.0.0.1:" + closed + "/", "--allow-private-addresses"))
        .isEqualTo(2);
    assertThat(stderr.toString()).startsWith("badgesmith: cannot examine http://127.0.0.1:");
  }

  @Test
  void exitsTwoForWhatIsNoSiteAddressOrNoCount() {
    assertThat(doctor("ftp://badges.example.org/")).isEqualTo(2);
    assertThat(doctor(site, "--max-files", "0", "--allow-private-addresses")).isEqualTo(2);
    assertThat(stderr.toString()).contains("not the address of a site").contains("--max-files");
  }

  @Test
  void checksASampleWithMaxFiles() {
    int code = doctor(site, "--allow-private-addresses", "--max-files", "3");

    assertThat(code).isZero();
    // Three files, the DID document, the manifest.
    assertThat(stdout.toString()).contains("No problems (1 warning): 5 URLs checked (");
  }
}
