package io.huoshui.service.web;

import java.util.List;

/** One page of a list and where it stands in the whole. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
    int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
    return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages);
  }
}
