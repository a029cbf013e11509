package io.huoshui.project.api;

import io.huoshui.project.application.Divisions;
import io.huoshui.project.domain.Division;
import io.huoshui.project.domain.DivisionCodes;
import io.huoshui.project.domain.DivisionTable;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.QueryParameters;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The division table (GB/T 2260) by which codes are shown with their place names: anyone with a
 * token reads it; the network's administrator replaces it whole, from a CSV or a JSON list.
 */
@RestController
@RequestMapping("/api/v1/divisions")
class DivisionController {

  private final Divisions divisions;

  DivisionController(Divisions divisions) {
    this.divisions = divisions;
  }

  /** The whole table, or the places within a region ({@code ?within=1404}). */
  @GetMapping
  Mono<List<Division>> list(@RequestParam(required = false) String within) {
    String region = QueryParameters.text("within", within);
    if (region != null && !DivisionCodes.isDivision(region)) {
      return Mono.error(DivisionCodes.notADivision("within"));
    }
    return divisions.within(region).collectList();
  }

  @GetMapping("/{code}")
  Mono<Division> get(@PathVariable String code) {
    Mono<Division> unknown =
        Mono.error(
            () ->
                ApiProblem.notFound(
                    "没有行政区划代码 %s。".formatted(code), "There is no division %s.".formatted(code)));
    return divisions
        .names(List.of(code))
        .flatMap(names -> Mono.justOrEmpty(names.nameOf(code)))
        .map(name -> new Division(code, name))
        .switchIfEmpty(unknown);
  }

  /** How many places the table holds after a replacement. */
  record Replaced(long divisions) {}

  @PutMapping(consumes = "text/csv")
  @PreAuthorize("hasAuthority('SCOPE_network:admin')")
  Mono<Replaced> replaceFromCsv(@RequestBody String csv, Tenant tenant) {
    return replace(tenant, Mono.fromCallable(() -> DivisionTable.fromCsv(csv)));
  }

  @PutMapping(consumes = "application/json")
  @PreAuthorize("hasAuthority('SCOPE_network:admin')")
  Mono<Replaced> replaceFromJson(@RequestBody List<Division> rows, Tenant tenant) {
    return replace(tenant, Mono.just(rows));
  }

  private Mono<Replaced> replace(Tenant tenant, Mono<List<Division>> rows) {
    if (!tenant.isOperator()) {
      return Mono.error(
          ApiProblem.forbidden(
              "只有网络管理员可以更新行政区划表。",
              "Only the network's administrator replaces the division table."));
    }
    return rows.flatMap(divisions::replace).map(Replaced::new);
  }
}
