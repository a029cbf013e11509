package io.huoshui.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

  /** Published codes of well-known organisations, and the code of the example demand. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "91350100M000100Y43",
        "91110000802100433B",
        "914403001922038216",
        "91140428MA0JX12346"
      })
  void acceptsCodesWhoseCheckCharacterIsRight(String code) {
    assertThat(CreditCodes.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91140428MA0JX12347", // wrong check character
        "91140428MA0JX1234", // 17 characters
        "91140428MA0JX123466", // 19 characters
        "91140428ma0jx12346", // lower case
        "9114042OMA0JX12346", // O is not in the alphabet
        "91140428MA0JX1234I", // nor is I
        "91140428MA0JX1234Z", // nor Z
        ""
      })
  void refusesAnythingElse(String code) {
    assertThat(CreditCodes.isValid(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91140428MA0JX1234", "92140428MA0H3U4K2", "91611021MA70W8QB4"})
  void theCheckCharacterCompletesAValidCode(String first17) {
    assertThat(CreditCodes.isValid(first17 + CreditCodes.checkCharacter(first17))).isTrue();
  }
}
