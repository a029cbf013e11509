package io.huoshui.service.web;

/**
 * Which page of a list a client asks for; lists are ordered stably (newest first, then by id), so a
 * page holds the same items on every read while nothing is added.
 *
 * @param page 0-based
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** From the optional {@code page} and {@code size} query parameters; 400 naming a bad one. */
  public static PageRequest of(Integer page, Integer size) {
    int number = page == null ? 0 : page;
    int length = size == null ? DEFAULT_SIZE : size;
    if (number < 0) {
      throw ApiProblem.invalid("page", "必须是 0 或更大", "must be 0 or more");
    }
    if (length < 1 || length > MAX_SIZE) {
      throw ApiProblem.invalid(
          "size",
          "必须在 1 到 %d 之间".formatted(MAX_SIZE),
          "must be between 1 and %d".formatted(MAX_SIZE));
    }
    return new PageRequest(number, length);
  }

  /**
   * From the raw {@code page} and {@code size} query parameters, read strictly ({@link
   * QueryParameters#wholeNumber}); 400 naming a bad one.
   */
  public static PageRequest parse(String page, String size) {
    return of(
        QueryParameters.wholeNumber("page", page, 0, Integer.MAX_VALUE),
        QueryParameters.wholeNumber("size", size, 1, MAX_SIZE));
  }

  /** The SQL OFFSET of this page. */
  public long offset() {
    return (long) page * size;
  }
}
