package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("Serving .* at (http://\\S+) ");

  @Test
  void servesOnAFreePortPrintsItsAddressAndStopsWhenInterrupted(@TempDir Path tmp)
      throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {"serve", site.toString(), "--port", "0", "--threads", "1"},
                        // Set, as it is wherever recipients matter: no warning (BSG114) then.
                        Map.of("BADGESMITH_SALT_SECRET", "the guild's secret"),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))));
    serve.start();

    URI url = awaitAddress(out, Duration.ofSeconds(60));
    HttpResponse<String> home =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    serve.interrupt();
    serve.join(Duration.ofSeconds(30).toMillis());

    assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/guild/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Test Guild");
    assertThat(out.toString()).startsWith("Built ");
    assertThat(err.toString()).isEmpty();
    assertThat(serve.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    assertThat(site.resolve("public")).doesNotExist();
  }

  private static URI awaitAddress(StringWriter out, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server printed no address: " + out);
  }
}
