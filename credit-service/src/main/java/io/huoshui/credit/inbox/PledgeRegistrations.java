package io.huoshui.credit.inbox;

import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rule of green pledges in a bank's answers, apart from the other answer rules: an approval or
 * a disbursement may record the pledge's registration and filing numbers, and a disbursement on a
 * demand that pledges a green right the product takes is refused until both are recorded, by it or
 * before it. Runs in the answer's transaction, on the match its caller locked.
 */
@Service
class PledgeRegistrations {

  private final PledgeRegistrationStore store;
  private final Clock clock;

  PledgeRegistrations(PledgeRegistrationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Checks the answer against the pledge's registration and records what it gives of it. */
  Mono<Void> admit(MatchState match, AnswerRequest request) {
    PledgeRegistration given = PledgeRegistration.of(request);
    Mono<Void> record =
        given.isEmpty() ? Mono.empty() : store.record(match.matchId(), given, clock.instant());
    if (request.answer() != Answer.DISBURSEMENT) {
      return record;
    }
    return store
        .lendsOnGreenPledge(match.matchId())
        .filter(Boolean::booleanValue)
        .flatMap(pledged -> store.find(match.matchId()))
        .doOnNext(held -> held.with(given).requireComplete())
        .then(record);
  }
}
