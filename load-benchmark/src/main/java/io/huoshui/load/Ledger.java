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
   * Records every proposal's latency on the path its demand took; returns how many proposals were
   * of demands this run did not submit (the demo's own, matched while the run went on).
   */
  long settle() {
    long foreign = 0;
    Set<String> counted = new HashSet<>();
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
    }
    return foreign;
  }
}
