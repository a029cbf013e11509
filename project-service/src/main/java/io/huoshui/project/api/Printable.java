package io.huoshui.project.api;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * A pack answered as the client asks for it: JSON by default, {@code Accept: text/csv} for a
 * spreadsheet to download, {@code Accept: text/html} for a page to print for the meeting.
 */
public final class Printable {

  public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  public static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private Printable() {}

  /** The pack in the format the request accepts; the CSV as an attachment of that file name. */
  public static <T> ResponseEntity<?> answer(
      ServerWebExchange exchange,
      T pack,
      Function<T, String> csv,
      Function<T, String> html,
      String fileName) {
    MediaType format = formatOf(exchange.getRequest().getHeaders().getAccept());
    if (format.equals(CSV)) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(fileName).build().toString())
          .body(csv.apply(pack));
    }
    if (format.equals(HTML)) {
      return ResponseEntity.ok().contentType(HTML).body(html.apply(pack));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack);
  }

  /** The first of JSON, CSV or HTML that the client accepts, in its order of preference. */
  static MediaType formatOf(List<MediaType> accepted) {
    List<MediaType> byPreference =
        accepted.stream()
            .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
            .toList();
    for (MediaType wanted : byPreference) {
      if (wanted.isWildcardType() || MediaType.APPLICATION_JSON.isCompatibleWith(wanted)) {
        return MediaType.APPLICATION_JSON;
      }
      if (CSV.isCompatibleWith(wanted)) {
        return CSV;
      }
      if (HTML.isCompatibleWith(wanted)) {
        return HTML;
      }
    }
    return MediaType.APPLICATION_JSON;
  }
}
