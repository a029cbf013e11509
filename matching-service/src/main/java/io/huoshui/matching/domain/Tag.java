package io.huoshui.matching.domain;

/** The tag vocabulary of docs/events.md, shared by demands and products. */
public enum Tag {
  GREEN,
  INCLUSIVE,
  KEY_PROJECT,
  FIRST_LOAN
}
