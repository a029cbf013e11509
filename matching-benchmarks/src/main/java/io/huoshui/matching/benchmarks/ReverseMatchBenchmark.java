package io.huoshui.matching.benchmarks;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.FitRule;
import io.huoshui.matching.domain.OpenDemandIndex;
import io.huoshui.matching.domain.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reverse matching: which of 1,000,000 open demands does a newly published product fit? Through the
 * open-demand index, and by checking every demand. Each invocation takes the next of 1,000
 * products. The set-up prints the index's heap footprint per demand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ReverseMatchBenchmark {

  private static final int OPEN_DEMANDS = 1_000_000;

  private OpenDemandIndex index;
  private List<Demand> demands;
  private List<Product> products;
  private int next;

  @Setup(Level.Trial)
  public void buildOpenDemands() {
    SyntheticNetwork network = new SyntheticNetwork(2027);
    products = network.products(1_000);
    demands = network.demands(OPEN_DEMANDS);
    long before = usedHeapAfterGc();
    index = new OpenDemandIndex();
    demands.forEach(index::add);
    long after = usedHeapAfterGc();
    System.out.printf(
        "%nOpen-demand index: %d demands, %d bytes of heap, %.1f bytes per demand%n",
        index.size(), after - before, (double) (after - before) / index.size());
  }

  @Benchmark
  public List<UUID> indexed() {
    return index.fitting(nextProduct(), SyntheticNetwork.TODAY);
  }

  @Benchmark
  public List<UUID> fullScan() {
    Product product = nextProduct();
    List<UUID> fitting = new ArrayList<>();
    for (Demand demand : demands) {
      if (FitRule.fits(product, demand, SyntheticNetwork.TODAY)) {
        fitting.add(demand.projectId());
      }
    }
    return fitting;
  }

  private Product nextProduct() {
    Product product = products.get(next);
    next = (next + 1) % products.size();
    return product;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
