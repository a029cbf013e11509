package io.huoshui.matching.application;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.OpenDemandIndex;
import io.huoshui.matching.domain.Product;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The open demands with room of the huoshui.projects partitions this instance consumes, one index
 * per partition: demands are partitioned by key across instances, and the instance that consumes a
 * demand's partition is the one that decides about it, reverse matching included. A partition's
 * index is loaded from the database when the partition is assigned and dropped when it is revoked
 * ({@link Partitions}).
 *
 * <p>Safe for concurrent use: a partition's demands and answers are consumed on listener threads of
 * their own, reverse matching runs on the product listener's, and each index locks itself.
 */
@Component
public class OpenDemands {

  private final Map<Integer, OpenDemandIndex> byPartition = new ConcurrentHashMap<>();

  public Set<Integer> owned() {
    return Set.copyOf(byPartition.keySet());
  }

  void assign(int partition, Collection<Demand> withRoom) {
    OpenDemandIndex index = new OpenDemandIndex();
    withRoom.forEach(index::add);
    byPartition.put(partition, index);
  }

  void revoke(int partition) {
    byPartition.remove(partition);
  }

  /** Replaces what the index holds of a demand after a committed change. */
  void update(int partition, Demand before, Demand after, boolean hasRoom) {
    OpenDemandIndex index = byPartition.get(partition);
    if (index == null) {
      return; // the partition moved to another instance, which loads the demand from the database
    }
    index.replace(before, hasRoom ? after : null);
  }

  /**
   * The open demands with room, of one of this instance's partitions, that the product fits, then
   * those open to a syndicate it could take a share of.
   */
  List<UUID> reached(int partition, Product product, LocalDate today) {
    OpenDemandIndex index = byPartition.get(partition);
    return index == null ? List.of() : reached(index, product, today);
  }

  /**
   * The open demands with room, of this instance's partitions, that the product fits, then those
   * open to a syndicate it could take a share of.
   */
  List<UUID> reached(Product product, LocalDate today) {
    List<UUID> found = new ArrayList<>();
    byPartition.values().forEach(index -> found.addAll(reached(index, product, today)));
    return found;
  }

  /** The two searches cover disjoint amounts, so that no demand is found by both. */
  private static List<UUID> reached(OpenDemandIndex index, Product product, LocalDate today) {
    List<UUID> found = index.fitting(product, today);
    found.addAll(index.sharing(product, today));
    return found;
  }
}
