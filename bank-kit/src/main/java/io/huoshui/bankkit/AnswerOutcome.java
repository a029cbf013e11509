package io.huoshui.bankkit;

import tools.jackson.databind.JsonNode;

/** What became of an answer: recorded (perhaps by an earlier attempt) or refused. */
public sealed interface AnswerOutcome {

  /**
   * Recorded; {@code replayed} when the network had already recorded this key's answer and gave its
   * first reply again.
   */
  record Accepted(String responseId, boolean replayed, JsonNode response)
      implements AnswerOutcome {}

  /** Refused by a rule of the network; sending it again would be refused again. */
  record Refused(Problem problem) implements AnswerOutcome {}
}
