package io.huoshui.bankkit;

import java.util.HashMap;
import java.util.Map;

/**
 * A bank program's command line: {@code --name value} options and bare {@code --flag}s. Secrets do
 * not belong here (a process list shows them): read them from the environment.
 */
public final class Arguments {

  private final Map<String, String> options;

  private Arguments(Map<String, String> options) {
    this.options = options;
  }

  public static Arguments parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("多余的参数 / unexpected argument: " + args[i]);
      }
      String name = args[i].substring(2);
      boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "" : args[++i]);
    }
    return new Arguments(options);
  }

  public String get(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  public String required(String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("缺少参数 / missing --" + name);
    }
    return value;
  }

  public boolean flag(String name) {
    return options.containsKey(name);
  }

  /** An environment variable that must be set. */
  public static String environment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("请设置环境变量 / set the environment variable " + name);
    }
    return value;
  }
}
