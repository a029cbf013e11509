package io.huoshui.servicetest.hostile;

/**
 * One malformed request body and the field whose refusal it must draw.
 *
 * @param name what is wrong, for the test report ({@code termMonths: a fraction})
 * @param body the whole JSON text to send, otherwise the valid example
 * @param field the path the answer's {@code errors[].field} must name ({@code enterprise.name},
 *     {@code tags[0]}), or {@code body} when the document as a whole is at fault
 */
public record HostileCase(String name, String body, String field) {

  @Override
  public String toString() {
    return name;
  }
}
