package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsObjectsArraysStringsNumbersAndLiterals() {
    Object value = Json.parse(" {\"a\": [1, -2.5e3, \"x\\n\\u00e9\\\"\"], \"b\": {\"c\": null},"
        + " \"t\": true, \"f\": false, \"e\": {}, \"l\": []} ");

    Map<String, Object> expected = new HashMap<>();
    expected.put("a", List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), "x\né\""));
    expected.put("b", Collections.singletonMap("c", null));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("e", Map.of());
    expected.put("l", List.of());
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void refusesWhatIsNotOneJsonValueAndSaysWhere() {
    assertThatThrownBy(() -> Json.parse("<html>")).hasMessage(
        "invalid JSON at offset 0: unexpected character '<'");
    assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageStartingWith("invalid JSON at offset 5");
    assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
    assertThatThrownBy(() -> Json.parse("[1] [2]")).hasMessageContaining("unexpected text after");
    assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> Json.parse("nul")).hasMessageContaining("unexpected word");
  }

  @Test
  void refusesAbsurdNesting() {
    char[] deep = new char[200];
    Arrays.fill(deep, '[');

    assertThatThrownBy(() -> Json.parse(new String(deep)))
        .hasMessageContaining("nesting deeper than 64");
  }
}
