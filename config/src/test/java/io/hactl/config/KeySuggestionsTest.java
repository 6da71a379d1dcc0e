package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {

  private static final List<String> KNOWN = List.of("default", "environments");

  @Test
  void countsSwapsInsertionsDeletionsAndSubstitutionsAsOneEditEach() {
    assertThat(KeySuggestions.distance("defualt", "default")).isEqualTo(1);
    assertThat(KeySuggestions.distance("enviroments", "environments")).isEqualTo(1);
    assertThat(KeySuggestions.distance("defaults", "default")).isEqualTo(1);
    assertThat(KeySuggestions.distance("dafault", "default")).isEqualTo(1);
    assertThat(KeySuggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void suggestsOnlyAKeyWithinTwoEdits() {
    assertThat(KeySuggestions.didYouMean("enviroment", KNOWN))
        .isEqualTo(" (did you mean \"environments\"?)");
    assertThat(KeySuggestions.didYouMean("colour", KNOWN)).isEmpty();
  }
}
