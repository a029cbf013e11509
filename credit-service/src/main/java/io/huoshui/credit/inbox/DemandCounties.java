package io.huoshui.credit.inbox;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The counties whose demand this service has seen on huoshui.projects. */
@Component
public class DemandCounties {

  private final InboxStore store;

  DemandCounties(InboxStore store) {
    this.store = store;
  }

  public Flux<String> seen() {
    return store.demandCounties();
  }
}
