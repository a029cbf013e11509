package io.huoshui.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

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

  @Test
  void acceptsOnlyACodeWhoseLastCharacterIsItsCheck() {
    assertThat(CreditCodes.isValid("91140428MA0JX12346")).isTrue();
    assertThat(CreditCodes.isValid("91140428MA0JX12347")).isFalse();
    assertThat(CreditCodes.isValid("91140428MA0JX1234")).isFalse();
    assertThat(CreditCodes.isValid("91140428MA0JX1234I")).isFalse();
    assertThat(CreditCodes.isValid(null)).isFalse();
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
