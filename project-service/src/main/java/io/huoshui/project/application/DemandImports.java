package io.huoshui.project.application;

import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.DemandColumns;
import io.huoshui.project.domain.ImportedRow;
import io.huoshui.project.persistence.ImportStore;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.ApiProblem.Violation;
import io.huoshui.service.web.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county's demand list, submitted row by row: each row becomes the body of a single submission
 * and is parsed and validated as one, then submitted as one (its event in the same transaction).
 * The upload is spooled to a temporary file, never held in memory, and keyed by its SHA-256, so
 * that the same file uploaded again answers the first report and submits nothing.
 */
@Service
public class DemandImports {

  public static final int MAX_ROWS = 20_000;
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  private final ProjectService projects;
  private final ImportStore reports;
  private final JsonMapper strict;
  private final Validator validator;
  private final Clock clock;

  DemandImports(
      ProjectService projects,
      ImportStore reports,
      JsonMapper json,
      Validator validator,
      Clock clock) {
    this.projects = projects;
    this.reports = reports;
    this.strict = StrictJson.strict(json);
    this.validator = validator;
    this.clock = clock;
  }

  /** Each row's outcome as it is decided, in the order of the sheet. */
  public Flux<ImportedRow> upload(String county, Actor actor, Flux<DataBuffer> content) {
    return Flux.using(
        () -> Files.createTempFile("demand-list", ".upload"),
        file -> spool(content, file).thenMany(Flux.defer(() -> importOnce(county, actor, file))),
        DemandImports::delete);
  }

  private static Mono<Void> spool(Flux<DataBuffer> content, Path file) {
    AtomicLong size = new AtomicLong();
    Flux<DataBuffer> limited =
        content.doOnNext(
            buffer -> {
              if (size.addAndGet(buffer.readableByteCount()) > MAX_BYTES) {
                DataBufferUtils.release(buffer);
                throw ApiProblem.invalid("file", "不能超过 10 MiB", "must not be larger than 10 MiB");
              }
            });
    return DataBufferUtils.write(limited, file);
  }

  private Flux<ImportedRow> importOnce(String county, Actor actor, Path file) {
    return Mono.fromCallable(() -> checked(file))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(
            sha ->
                reports
                    .find(county, sha)
                    .flatMapMany(Flux::fromIterable)
                    .switchIfEmpty(Flux.defer(() -> firstTime(county, sha, actor, file))));
  }

  /** The file's SHA-256, once it is known to be a demand list within the limits. */
  private static String checked(Path file) throws IOException {
    if (!DemandList.isZip(file) && !DemandList.isText(file)) {
      throw ApiProblem.invalid(
          "file", "须为 UTF-8 的 CSV 或 XLSX 文件", "must be a UTF-8 CSV or an XLSX file");
    }
    AtomicInteger rows = new AtomicInteger();
    DemandList.read(
        file,
        (number, cells) -> {
          if (rows.getAndIncrement() == 0) {
            headings(cells);
          } else if (rows.get() > MAX_ROWS + 1) {
            throw ApiProblem.invalid(
                "file",
                "最多 %d 行需求".formatted(MAX_ROWS),
                "must have at most %d demand rows".formatted(MAX_ROWS));
          }
        });
    if (rows.get() < 2) {
      throw ApiProblem.invalid("file", "没有需求行", "has no demand rows");
    }
    return sha256(file);
  }

  private static void headings(List<String> cells) {
    List<String> given = cells.stream().map(cell -> cell == null ? "" : cell.strip()).toList();
    if (!given.equals(DemandColumns.headings())) {
      throw ApiProblem.invalid(
          "file",
          "第一行须为模板的列标题：" + String.join(",", DemandColumns.headings()),
          "the first row must be the template's headings: "
              + String.join(",", DemandColumns.headings()));
    }
  }

  private Flux<ImportedRow> firstTime(String county, String sha, Actor actor, Path file) {
    // The outcomes, not the rows, are kept until the end: a few dozen bytes each, for the report
    // that answers the same file again.
    List<ImportedRow> decided = Collections.synchronizedList(new ArrayList<>());
    return rows(file)
        .concatMap(row -> decide(county, sha, actor, row.number(), row.cells()))
        .doOnNext(decided::add)
        .concatWith(
            Mono.defer(() -> reports.save(county, sha, List.copyOf(decided), clock.instant()))
                .then(Mono.empty()));
  }

  /**
   * The demand rows, read as they are decided: the reader is pulled, so no more rows are held than
   * the few concatMap prefetches, whatever the length of the list. The next rows are requested from
   * the database's threads once a demand is written; subscribeOn moves each of those requests, and
   * so the file reading it starts, to a thread that may block.
   */
  private static Flux<DemandList.Row> rows(Path file) {
    return DemandList.rows(file).skip(1).subscribeOn(Schedulers.boundedElastic());
  }

  private Mono<ImportedRow> decide(
      String county, String sha, Actor actor, int number, List<String> cells) {
    Demand demand;
    try {
      demand = strict.treeToValue(DemandColumns.body(cells), Demand.class);
    } catch (JacksonException refused) {
      return Mono.just(ImportedRow.refused(number, List.of(ApiProblem.violationOf(refused))));
    }
    Set<ConstraintViolation<Demand>> broken = validator.validate(demand);
    if (!broken.isEmpty()) {
      List<Violation> errors =
          broken.stream()
              .map(ApiProblem::violationOf)
              .sorted(Comparator.comparing(Violation::field))
              .collect(Collectors.toList());
      return Mono.just(ImportedRow.refused(number, errors));
    }
    // The id is the row's own, so that a re-run after an interrupted upload submits nothing twice.
    UUID id =
        UUID.nameUUIDFromBytes(
            (county + "/" + sha + "/" + number).getBytes(StandardCharsets.UTF_8));
    return projects
        .submit(id, county, demand, actor)
        .map(project -> ImportedRow.accepted(number, project.id()))
        .defaultIfEmpty(ImportedRow.accepted(number, id));
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
