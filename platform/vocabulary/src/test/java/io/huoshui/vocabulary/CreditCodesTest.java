package io.huoshui.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

  @Test
  void completesTheCodesOfTheApiDocumentWithTheirOwnCheckCharacters() {
    assertThat(CreditCodes.complete("91140428MA0JX1234")).isEqualTo("91140428MA0JX12346");
    assertThat(CreditCodes.complete("92140428MA0H3U4K2")).isEqualTo("92140428MA0H3U4K2Q");
  }

  @Test
  void aCheckCharacterOfZeroIsTheAlphabetsFirst() {
    // The remainder 0 maps to 31 - 0 = 31, one past the alphabet: the standard wraps it to '0'.
    String first17 = "91140428000000000";
    String code = CreditCodes.complete(first17);

    assertThat(CreditCodes.isValid(code)).isTrue();
  }

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

  @Test
  void enterprisesOfACountyDifferByTheirOrganisationCode() {
    assertThat(CreditCodes.enterprise("140428", "000000007"))
        .startsWith("91140428000000007")
        .hasSize(18)
        .isNotEqualTo(CreditCodes.enterprise("140428", "000000008"))
        .matches(CreditCodes::isValid);
  }

  @Test
  void refusesCharactersOutsideTheCodeAlphabet() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCodes.complete("91140428MA0JX123I"));
  }
}
