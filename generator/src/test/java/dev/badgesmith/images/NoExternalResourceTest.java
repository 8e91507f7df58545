package dev.badgesmith.images;

import static dev.badgesmith.images.Svgs.argb;
import static dev.badgesmith.images.Svgs.square;
import static dev.badgesmith.images.Svgs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering a design from a pull request must not read the build machine's files or reach the
 * network: every reference outside the document is refused before anything is opened.
 */
class NoExternalResourceTest {
  private static final int TRANSPARENT = 0;

  @TempDir Path temp;

  private final SvgRasterizer rasterizer = new SvgRasterizer(PngStore.NONE);
  private ServerSocket server;
  private String local;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    local = "http://127.0.0.1:" + server.getLocalPort();
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void refusesAnImageFromTheFileSystem() {
    assertThatThrownBy(
            () ->
                rasterizer.toPng(
                    square("<image width='9' height='9' href='file:///etc/passwd'/>"), 16))
        .isInstanceOf(ImageRenderException.class)
        .hasMessageContaining("refused to load file:/etc/passwd");
  }

  @Test
  void refusesAFileThatWouldRenderIfRead() throws IOException {
    Path red = temp.resolve("red.svg");
    Files.writeString(
        red,
        "<svg " + Svgs.NS + " viewBox='0 0 1 1'><rect width='1' height='1' fill='red'/></svg>");

    for (String element :
        List.of(
            "<image width='100' height='100' href='" + red.toUri() + "'/>",
            "<use href='" + red.toUri() + "#r'/>",
            "<rect width='100' height='100' style='fill:url(" + red.toUri() + "#p)'/>")) {
      assertThatThrownBy(() -> rasterizer.toPng(square(element), 16))
          .as(element)
          .isInstanceOf(ImageRenderException.class)
          .hasMessageContaining("refused to load file:");
    }
  }

  @Test
  void refusesNetworkReferencesWithoutConnectingOrWaiting() throws IOException {
    String nested =
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM '"
            + local
            + "/entity'>]><svg "
            + Svgs.NS
            + " viewBox='0 0 9 9'>&x;</svg>";
    List<String> bodies =
        List.of(
            "<image width='9' height='9' href='http://127.0.0.1:1/x.png'/>",
            "<image width='9' height='9' xlink:href='"
                + local
                + "/x.png' "
                + "xmlns:xlink='http://www.w3.org/1999/xlink'/>",
            "<style>@import url(" + local + "/x.css);</style><rect width='9' height='9'/>",
            "<style>@font-face{font-family:F;src:url("
                + local
                + "/f.ttf)}</style>"
                + "<text font-family='F' y='50'>x</text>",
            "<image width='9' height='9' href='data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(utf8(nested))
                + "'/>");

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (String body : bodies) {
            try {
              rasterizer.toPng(square(body), 16);
            } catch (ImageRenderException refused) {
              assertThat(refused).as(body).hasMessageContaining("refused to load");
            }
          }
        });
    server.setSoTimeout(200);
    assertThatThrownBy(server::accept)
        .as("no connection reached the server")
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void doesNotExpandExternalEntities() throws IOException {
    Path fragment = temp.resolve("fragment.xml");
    Files.writeString(fragment, "<rect " + Svgs.NS + " width='100' height='100' fill='red'/>");
    String withEntity =
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM '"
            + fragment.toUri()
            + "'>]><svg "
            + Svgs.NS
            + " viewBox='0 0 100 100'>&x;</svg>";

    byte[] direct = rasterizer.toPng(utf8(withEntity), 16);
    byte[] nested =
        rasterizer.toPng(
            square(
                "<image width='100' height='100' href='data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(utf8(withEntity))
                    + "'/>"),
            16);

    assertThat(argb(direct, 8, 8)).isEqualTo(TRANSPARENT);
    assertThat(argb(nested, 8, 8)).isEqualTo(TRANSPARENT);
  }
}
