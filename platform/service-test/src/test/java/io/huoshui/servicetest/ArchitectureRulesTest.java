package io.huoshui.servicetest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The layout rule on two fixture services: one laid out by it, one with a wrong-way import. */
class ArchitectureRulesTest {

  private static final String GOOD = "io.huoshui.servicetest.layout.good";
  private static final String BAD = "io.huoshui.servicetest.layout.bad";

  @Test
  void aServiceLaidOutByTheRulePasses() {
    assertThatCode(
            () -> ArchitectureRules.check(GOOD, new ClassFileImporter().importPackages(GOOD)))
        .doesNotThrowAnyException();
  }

  @Test
  void aDomainClassImportingReactorFailsTheBuild() {
    assertThatThrownBy(
            () -> ArchitectureRules.check(BAD, new ClassFileImporter().importPackages(BAD)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("domain classes import no Spring, R2DBC, Reactor")
        .hasMessageContaining("Loan.later()");
  }

  @Test
  void aClassIsGivenItsRoleByPackageOrName() {
    var classes = new ClassFileImporter().importPackages(GOOD);
    org.assertj.core.api.Assertions.assertThat(
            ArchitectureRules.roleOf(GOOD, classes.get(GOOD + ".persistence.LoanStore")))
        .isEqualTo(ArchitectureRules.Role.PERSISTENCE);
    org.assertj.core.api.Assertions.assertThat(
            ArchitectureRules.roleOf(GOOD, classes.get(GOOD + ".domain.Loan")))
        .isEqualTo(ArchitectureRules.Role.DOMAIN);
  }
}
