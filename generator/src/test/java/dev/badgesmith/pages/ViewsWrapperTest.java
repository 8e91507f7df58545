package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewsWrapperTest {

  /** A template reads a view record alike through the short way and Freemarker's own. */
  @Test
  void aRecordReadsAsTheDefaultWrapperShowsIt() throws Exception {
    Configuration ours = PageRenderer.configuration(Optional.empty());
    DefaultObjectWrapperBuilder builder =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
    builder.setMemberAccessPolicy(new ViewsOnlyPolicy());
    ObjectWrapper plain = builder.build();
    assertThat(ours.getObjectWrapper()).isInstanceOf(ViewsWrapper.class);

    String source =
        "<#list views as v>${v.text}|${v.url}|${v.text()}|${v?is_hash?c}|${v?is_string?c}"
            + "|${v.getClass???c}|${v.equals(v)?c}|${v}|${(v?keys?join(','))!'-'};</#list>";
    List<LinkView> views =
        List.of(new LinkView("a<b", "https://x/"), new LinkView("c", "https://y/"));
    String viaOurs = render(ours, source, views);
    ours.setObjectWrapper(plain);
    String viaDefault = render(ours, source, views);

    assertThat(viaOurs).isEqualTo(viaDefault).contains("a&lt;b|https://x/|a&lt;b|true");
  }

  private static String render(Configuration cfg, String source, List<LinkView> views)
      throws Exception {
    Template template = new Template("t.ftlh", new StringReader(source), cfg);
    StringWriter out = new StringWriter();
    template.process(java.util.Map.of("views", views), out);
    return out.toString();
  }
}
