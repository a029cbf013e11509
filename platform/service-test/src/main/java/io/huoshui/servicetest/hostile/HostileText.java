package io.huoshui.servicetest.hostile;

/**
 * A valid request carrying text that is hostile to a careless store or page but allowed: it must be
 * stored and answered back exactly, character for character.
 *
 * @param name what the text is, for the test report
 * @param body the valid example with one text field replaced
 * @param field the path of that field ({@code enterprise.name})
 * @param text the text the field must read back
 */
public record HostileText(String name, String body, String field, String text) {

  @Override
  public String toString() {
    return name;
  }
}
