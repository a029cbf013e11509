package io.huoshui.servicetest.layout.bad.domain;

import java.math.BigDecimal;
import reactor.core.publisher.Mono;

/** A domain value that reaches for Reactor: the wrong-way import the rules must catch. */
public record Loan(String county, BigDecimal amount) {

  public Mono<Loan> later() {
    return Mono.just(this);
  }
}
