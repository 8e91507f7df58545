package dev.badgesmith.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteUrlTest {
  private static final String BASE = "https://user.github.io/repo/";

  private static SiteUrl url(String path) {
    return new SiteUrl(BASE, path);
  }

  @Test
  void linksRelativeToAPageForASavedCopyOfTheSite() {
    SiteUrl verify = url("verify/");
    assertThat(url("verify/data.js").relativeFrom(verify)).isEqualTo("data.js");
    assertThat(url("assets/style.css").relativeFrom(verify)).isEqualTo("../assets/style.css");
    assertThat(url("").relativeFrom(verify)).isEqualTo("../");
    assertThat(url("assets/style.css").relativeFrom(url(""))).isEqualTo("assets/style.css");
    assertThat(url("badges/a/card.png").relativeFrom(url("badges/b/"))).isEqualTo("../a/card.png");
    assertThat(url("verify/").relativeFrom(url("verify/"))).isEqualTo("./");
  }

  @Test
  void refusesAPathWithADotSegmentAndKeepsNamesThatOnlyHaveDots() {
    for (String path : new String[] {".", "..", "./a", "../a", "a/.", "a/..", "a/../b", "a/./b/"}) {
      assertThatThrownBy(() -> url(path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("path leaves the site: " + path);
    }
    for (String path : new String[] {"", "a/", "...", ".a", "a..", "..b/c", "a/.well-known/x"}) {
      assertThat(url(path).path()).as(path).isEqualTo(path);
    }
  }
}
