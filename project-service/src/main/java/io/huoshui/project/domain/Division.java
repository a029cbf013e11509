package io.huoshui.project.domain;

/**
 * A place of the administrative division table (GB/T 2260): a province (2 digits), a city (4) or a
 * county (6), with its name.
 */
public record Division(String code, String name) {}
