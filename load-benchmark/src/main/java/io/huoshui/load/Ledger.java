package io.huoshui.load;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which demands this run had accepted, in which step, on which path and when, and which match
 * proposals reached the banks' topics and when: the two sides of the accepted-to-proposed latency,
 * joined by project id once a step has drained (a proposal may be read before its demand's 201 has
 * been).
 */
final class Ledger {

  /**
   * When the 201 came: nanoTime for the latency, wall clock to compare with the services' times.
   */
  record Accepted(Step step, PathStats path, long atNanos, long atMillis) {}

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
  private final Set<String> proposedProjects = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastProposalNanos = new AtomicLong(System.nanoTime());

  void accepted(String projectId, Step step, PathStats path, long atNanos, long atMillis) {
    accepted.put(projectId, new Accepted(step, path, atNanos, atMillis));
  }

  Accepted acceptedOf(String projectId) {
    return accepted.get(projectId);
  }

  /** False when this match was read before (a redelivery): it is counted and answered once. */
  boolean proposed(Proposal proposal) {
    lastProposalNanos.accumulateAndGet(proposal.arrivedNanos(), Math::max);
    if (proposals.putIfAbsent(proposal.matchId(), proposal) != null) {
      return false;
    }
    proposedProjects.add(proposal.projectId());
    return true;
  }

  long nanosSinceLastProposal() {
    return System.nanoTime() - lastProposalNanos.get();
  }

  /** Accepted demands of {@code step} no proposal has been read for yet. */
  long awaitingProposal(Step step) {
    return accepted.entrySet().stream()
        .filter(entry -> entry.getValue().step() == step)
        .filter(entry -> !proposedProjects.contains(entry.getKey()))
        .count();
  }

  /**
   * Records the latency of every proposal of {@code step}'s demands read so far, on the demand's
   * path and in the step; returns how many of the step's demands had one.
   */
  long settle(Step step) {
    Set<String> counted = new HashSet<>();
    for (Proposal proposal : proposals.values()) {
      Accepted demand = accepted.get(proposal.projectId());
      if (demand == null || demand.step() != step) {
        continue;
      }
      step.proposal(
          demand,
          Duration.ofNanos(proposal.arrivedNanos() - demand.atNanos()),
          Duration.ofMillis(proposal.decidedMillis() - demand.atMillis()),
          Duration.ofMillis(proposal.arrivedMillis() - proposal.decidedMillis()));
      if (counted.add(proposal.projectId())) {
        demand.path().demandProposed();
      }
    }
    return counted.size();
  }

  /**
   * Proposals of demands this run did not submit (the demo's own), known once the run is over: a
   * proposal may be read before its own demand's 201.
   */
  long foreignProposals() {
    return proposals.values().stream()
        .filter(proposal -> !accepted.containsKey(proposal.projectId()))
        .count();
  }
}
