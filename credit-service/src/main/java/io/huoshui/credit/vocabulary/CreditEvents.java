package io.huoshui.credit.vocabulary;

import java.net.URI;

/**
 * Names of the events this service produces (docs/events.md): the CloudEvents type and the JSON
 * Schema of the payload, published under {@code src/main/resources/schemas/<Type>.v1.json}.
 */
public final class CreditEvents {

  private CreditEvents() {}

  public static String type(String name) {
    return "io.huoshui.credit." + name + ".v1";
  }

  public static URI schema(String name) {
    return URI.create("https://huoshui.io/schemas/credit-service/" + name + ".v1.json");
  }
}
