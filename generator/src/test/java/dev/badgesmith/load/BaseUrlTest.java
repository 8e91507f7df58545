package dev.badgesmith.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://badges.example.org/guild/",
        "https://badges.example.org/guild", // the final '/' is added
        "https://badges.example.org",
        "https://badges.example.org:8443/",
        "https://xn--bcher-kva.example/",
        "https://[2001:db8::1]/",
        "https://badges.example.org/~ada/caf%C3%A9/",
        "https://badges.example.org/a%2Fb/"
      })
  void acceptsACanonicalHttpsUrl(String url) {
    assertThat(BaseUrl.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://badges.example.org/ | https://badges.example.org/",
        "https://Badges.EXAMPLE.org/guild/ | https://badges.example.org/guild/",
        "https://badges.example.org:443/guild/ | https://badges.example.org/guild/",
        "https://badges.example.org:/ | https://badges.example.org/",
        "https://badges.example.org./ | https://badges.example.org/",
        "https://badges.example.org/a/../b/ | https://badges.example.org/b/",
        "https://badges.example.org/./a/./b/. | https://badges.example.org/a/b/",
        "https://badges.example.org/../a/ | https://badges.example.org/a/",
        "https://badges.example.org/a/.. | https://badges.example.org/",
        "https://badges.example.org/%7eada/%2f/ | https://badges.example.org/~ada/%2F/",
        "https://badges.example.org/café/ | https://badges.example.org/caf%C3%A9/",
        "https://bücher.example/ | https://xn--bcher-kva.example/"
      })
  void refusesAnotherFormWithTheCanonicalFormInTheHint(String url, String canonical) {
    Optional<BaseUrl.Problem> problem = BaseUrl.problem(url);
    assertThat(problem).isPresent();
    assertThat(problem.get().message())
        .isEqualTo("'" + url + "' is not written in its canonical form");
    assertThat(problem.get().hint()).startsWith("write " + canonical + ":");
    assertThat(BaseUrl.problem(canonical)).isEmpty();
  }

  @Test
  void refusesAUserNameOrPasswordWithoutShowingIt() {
    for (String url :
        new String[] {
          "https://alice:s3cret@badges.example.org/", "https://alice@badges.example.org/",
          "https://alice:s3cret@bücher.example/", "HTTPS://alice:s3cret@Badges.example.org:443/"
        }) {
      BaseUrl.Problem problem = BaseUrl.problem(url).orElseThrow();
      assertThat(problem.message())
          .isEqualTo(
              "the base URL holds a user name or password, which every published document would"
                  + " show");
      assertThat(problem.message() + problem.hint()).doesNotContain("alice", "s3cret");
    }
  }

  @Test
  void refusesAQueryOrAFragment() {
    assertThat(BaseUrl.problem("https://badges.example.org/?v=1"))
        .contains(
            new BaseUrl.Problem(
                "'https://badges.example.org/?v=1' has a query: a base URL starts every published"
                    + " URL, so it has none",
                "remove '?v=1'"));
    assertThat(BaseUrl.problem("https://badges.example.org/#top"))
        .contains(
            new BaseUrl.Problem(
                "'https://badges.example.org/#top' has a fragment: a base URL starts every"
                    + " published URL, so it has none",
                "remove '#top'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://badges.example.org/",
        "badges.example.org/",
        "https:///guild/",
        "https:guild",
        "https://badges.example.org/a b/",
        "ftp://badges.example.org/"
      })
  void refusesWhatIsNoHttpsUrl(String url) {
    assertThat(BaseUrl.problem(url).map(BaseUrl.Problem::message))
        .contains("'" + url + "' is not an https URL");
  }
}
