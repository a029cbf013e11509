package io.huoshui.matching.domain;

/** The three-colour supervision (三色督办) of a match the bank has not answered. */
public enum Colour {
  BLUE,
  YELLOW,
  RED
}
