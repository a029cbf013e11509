package io.huoshui.notification.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other services tell of, as far as notifications need it: what {@link Outcomes} reads of an
 * event once the listener has read and checked its payload. The payloads themselves implement
 * these, so that a member is declared once, where it arrives, and read here by name.
 */
final class Happenings {

  private Happenings() {}

  /** A demand submitted or changed: its title is what the county's texts name. */
  interface ProjectDemand {
    UUID projectId();

    String county();

    String title();

    Integer version();
  }

  interface ProjectWithdrawn {
    UUID projectId();

    String county();

    String reason();

    Instant withdrawnAt();
  }

  /** The anonymised demand a bank is shown. */
  interface Demand {
    String industry();

    String enterpriseSize();

    BigDecimal amountRequested();

    Integer termMonths();

    String purpose();
  }

  interface MatchProposed {
    UUID matchId();

    UUID projectId();

    String county();

    String bankCode();

    UUID productId();

    String productName();

    String tier();

    Integer rank();

    BigDecimal score();

    LocalDate deadline();

    /** The working days of the decision after INTEREST; null when announced without them. */
    Integer decisionWorkingDays();

    /** The working days of the first disbursement after APPROVAL; null as the decision's. */
    Integer disbursementWorkingDays();

    Demand demand();
  }

  interface Failure {
    String rule();

    Integer failedProducts();
  }

  interface NoMatch {
    UUID projectId();

    String county();

    Integer evaluatedProducts();

    List<? extends Failure> failures();
  }

  interface MatchEscalated {
    UUID matchId();

    UUID projectId();

    String county();

    String bankCode();

    UUID productId();

    String colour();

    /** Absent: the first answer. */
    Stage stage();

    /** Absent: every office above the county. */
    EscalationLevel escalateTo();

    LocalDate deadline();
  }

  interface MatchReleased {
    UUID matchId();

    UUID projectId();

    String cause();
  }

  /** How one match of an exhausted demand ended; the reason is the bank's, when it declined. */
  interface Tried {
    UUID matchId();

    String bankCode();

    String cause();

    String declineReason();
  }

  /** No fitting bank is left for the demand and none holds it. */
  interface DemandExhausted {
    UUID projectId();

    String county();

    List<? extends Tried> tried();

    Instant exhaustedAt();
  }

  interface Actor {
    String clientId();
  }

  /** What a financial office did about a demand under supervision; the match may be absent. */
  interface SupervisionActed {
    UUID projectId();

    String county();

    String action();

    UUID matchId();

    String bankCode();

    UUID productId();

    String reason();

    String note();

    String operatorRegion();

    Actor actor();

    Instant actedAt();
  }

  interface Totals {
    BigDecimal intended();

    BigDecimal approved();

    BigDecimal disbursed();
  }

  /** What an answer carries beside its kind depends on the kind: the rest may be null. */
  interface BankResponded {
    UUID responseId();

    UUID matchId();

    UUID projectId();

    String county();

    String bankCode();

    UUID productId();

    String answer();

    BigDecimal amount();

    BigDecimal annualRate();

    Integer termMonths();

    String declineReason();

    String note();

    LocalDate disbursedOn();

    Instant respondedAt();

    Totals totals();
  }

  interface CatalogProduct {
    UUID productId();

    String bankCode();

    String bankName();

    String name();

    String category();

    String change();
  }

  /** About a county: the county is its subject. */
  interface CatalogDigest {
    String county();

    Instant from();

    Instant to();

    List<? extends CatalogProduct> products();
  }
}
