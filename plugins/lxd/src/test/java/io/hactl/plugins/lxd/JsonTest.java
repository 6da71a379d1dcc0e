package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesAndReadsBackNestedValuesWithEscapes() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "line \"one\"\n\ttab \\ back \u0001 é");
    value.put("list", List.of(1L, 2.5, true, false));
    value.put("none", null);
    value.put("nested", Map.of("k", List.of()));

    String json = Json.write(value);

    assertThat(json).startsWith("{\"text\":\"line \\\"one\\\"\\n\\ttab \\\\ back \\u0001 é\"");
    assertThat(Json.parse(json)).isEqualTo(value);
  }

  @Test
  void readsLxdStyleDocumentsWithWhitespaceAndUnicodeEscapes() {
    Object parsed = Json.parse(" {\"type\": \"sync\", \"metadata\": {\"name\": \"c\\u00e9\","
        + " \"n\": -12, \"e\": 1e3, \"a\": [ ]} } ");

    assertThat(parsed).isEqualTo(Map.of("type", "sync",
        "metadata", Map.of("name", "cé", "n", -12L, "e", 1000.0, "a", List.of())));
  }

  @Test
  void rejectsTextThatIsNotJsonWithItsOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\": tru}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON at offset 6");
    assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("trailing");
  }
}
