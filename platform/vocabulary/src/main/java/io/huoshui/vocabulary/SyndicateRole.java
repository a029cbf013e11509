package io.huoshui.vocabulary;

/**
 * A bank's place in a syndicated loan (银团贷款): the lead bank (牵头行) arranges it and may invite or
 * replace participants; a participant (参贷行) commits a share.
 */
public enum SyndicateRole {
  LEAD,
  PARTICIPANT
}
