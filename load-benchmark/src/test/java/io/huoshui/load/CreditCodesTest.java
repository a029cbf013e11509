package io.huoshui.load;

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
  void enterprisesOfACountyDifferByTheirSerial() {
    assertThat(CreditCodes.enterprise("140428", 7))
        .startsWith("91140428000000007")
        .hasSize(18)
        .isNotEqualTo(CreditCodes.enterprise("140428", 8));
  }

  @Test
  void refusesCharactersOutsideTheCodeAlphabet() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCodes.complete("91140428MA0JX123I"));
  }
}
