package io.huoshui.load;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which demands this run had accepted, on which path and when, and which match proposals reached
 * the banks' topics and when: the two sides of the accepted-to-proposed latency, joined by project
 * id once the run is over (a proposal may be read before its demand's 201 has been).
 */
final class Ledger {

  /**
   * When the 201 came: nanoTime for the latency, wall clock to compare with the services' times.
   */
  record Accepted(PathStats path, long atNanos, long atMillis) {}

  /**
   * A MatchProposed read from a bank's topic: when matching decided ({@code proposedAt}), when it
   * was read (nanoTime and wall clock).
   */
  record Proposal(
      String matchId,
      String projectId,
      String bankCode,
      long decidedMillis,
      long arrivedNanos,
      long arrivedMillis) {}

  private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
  private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
  private final AtomicLong lastProposalNanos = new AtomicLong(System.nanoTime());

  void accepted(String projectId, PathStats path, long atNanos, long atMillis) {
    accepted.put(projectId, new Accepted(path, atNanos, atMillis));
  }

  Accepted acceptedOf(String projectId) {
    return accepted.get(projectId);
  }

  /** False when this match was read before (a redelivery): it is counted and answered once. */
  boolean proposed(Proposal proposal) {
    lastProposalNanos.accumulateAndGet(proposal.arrivedNanos(), Math::max);
    return proposals.putIfAbsent(proposal.matchId(), proposal) == null;
  }

  long nanosSinceLastProposal() {
    return System.nanoTime() - lastProposalNanos.get();
  }

  /** Accepted demands of this run no proposal has been read for yet. */
  long awaitingProposal() {
    Set<String> proposed = new HashSet<>();
    proposals.values().forEach(proposal -> proposed.add(proposal.projectId()));
    return accepted.keySet().stream().filter(id -> !proposed.contains(id)).count();
  }

  /**
   * What the proposals tell beyond each path's latencies: how many were of demands this run did not
   * submit (the demo's own, or a backlog of an earlier run), and how many of this run's demands
   * matching-service decided between its first and its last decision: when matching falls behind
   * the offered rate, this is the rate it keeps.
   */
  record Settlement(long foreignProposals, long demandsDecided, Duration decisionSpan) {

    double decidedPerSecond() {
      return decisionSpan.isZero() ? Double.NaN : demandsDecided / (decisionSpan.toMillis() / 1e3);
    }
  }

  /** Records every proposal's latency on the path its demand took. */
  Settlement settle() {
    long foreign = 0;
    Set<String> counted = new HashSet<>();
    long firstDecision = Long.MAX_VALUE;
    long lastDecision = Long.MIN_VALUE;
    for (Proposal proposal : proposals.values()) {
      Accepted demand = accepted.get(proposal.projectId());
      if (demand == null) {
        foreign++;
        continue;
      }
      demand
          .path()
          .proposal(
              Duration.ofNanos(proposal.arrivedNanos() - demand.atNanos()),
              Duration.ofMillis(proposal.decidedMillis() - demand.atMillis()),
              Duration.ofMillis(proposal.arrivedMillis() - proposal.decidedMillis()));
      if (counted.add(proposal.projectId())) {
        demand.path().demandProposed();
      }
      firstDecision = Math.min(firstDecision, proposal.decidedMillis());
      lastDecision = Math.max(lastDecision, proposal.decidedMillis());
    }
    Duration span =
        counted.isEmpty() ? Duration.ZERO : Duration.ofMillis(lastDecision - firstDecision);
    return new Settlement(foreign, counted.size(), span);
  }
}
