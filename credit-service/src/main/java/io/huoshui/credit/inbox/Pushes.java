package io.huoshui.credit.inbox;

import io.huoshui.eventing.Outbox;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What the matching and project services tell of the demand pushed to the banks, kept for the
 * banks' inboxes. Each call runs in the transaction of the event that brought it.
 *
 * <p>A proposal, an escalation and a release go on to the bank's own topic from here, in that
 * transaction, rather than from matching-service: a bank that answers as soon as it reads a match
 * then never meets an answer API that does not know the match yet. They keep matching's event types
 * and payloads (its JSON Schemas), and the project id as key: this service reads the matches topic
 * partitioned by that key, so a demand's events reach the bank in the order matching wrote them.
 */
@Service
class Pushes {

  private final InboxStore store;
  private final Outbox outbox;

  Pushes(InboxStore store, Outbox outbox) {
    this.store = store;
    this.outbox = outbox;
  }

  /**
   * A match already held (the same push delivered again under another event id) stays as is and is
   * not announced to the bank again.
   *
   * @param requested the amount the anonymised demand asks for, which the answer rules check
   * @param asWritten the payload as matching wrote it, which goes on to the bank whole: members
   *     this service does not read reach the bank all the same
   */
  Mono<Void> propose(PushedMatch match, BigDecimal requested, JsonNode asWritten) {
    return store
        .propose(match, requested)
        .filter(Boolean::booleanValue)
        .flatMap(
            inserted ->
                toBank(EventTypes.MATCH_PROPOSED, match.bankCode(), match.projectId(), asWritten));
  }

  /** The escalation of a match this service does not hold tells its bank nothing it could use. */
  Mono<Void> escalate(Escalation escalation) {
    return store
        .escalate(escalation)
        .flatMap(
            match ->
                toBank(EventTypes.MATCH_ESCALATED, match.bankCode(), match.projectId(), match));
  }

  /**
   * Every release reaches the bank, whatever its cause, so that a bank stops work on a demand
   * others financed or its county closed. A match the bank declined stays DECLINED in its inbox.
   */
  Mono<Void> release(Release release) {
    return store
        .release(release)
        .flatMap(
            match -> toBank(EventTypes.MATCH_RELEASED, match.bankCode(), match.projectId(), match));
  }

  /** Keeps the newest version of a demand; an older one arriving late changes nothing. */
  Mono<Void> demand(DemandVersion demand) {
    return store.saveDemand(demand);
  }

  Mono<Void> withdraw(Withdrawal withdrawal) {
    return store.withdraw(withdrawal);
  }

  private Mono<Void> toBank(String type, String bankCode, UUID projectId, Object payload) {
    return outbox
        .append(
            Topics.bankMatches(bankCode),
            type,
            projectId.toString(),
            payload,
            EventTypes.schemaOf(type))
        .then();
  }
}
