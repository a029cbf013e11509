package io.huoshui.matching.benchmarks;

import io.huoshui.matching.domain.BankStanding;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.InstrumentIndex;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.domain.Scoring;
import java.util.List;
import java.util.Set;
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
 * Fit and rank one demand against 100,000 active products and pick the best three banks, with the
 * policy instruments of 1,000 that serve it offered on each proposal: through the index, through
 * the index with no instruments held (what offering them costs), and by looking at every product;
 * and a demand of 200 million to 2 billion tagged SYNDICATION through the index, which no product
 * covers alone and the matcher shares among banks. Each invocation takes the next of 1,000 demands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ForwardMatchBenchmark {

  private static final int PRODUCTS = 100_000;
  private static final int INSTRUMENTS = 1_000;
  private static final int SLOTS = 3;

  private Matcher indexed;
  private Matcher withoutInstruments;
  private Matcher fullScan;
  private List<Demand> demands;
  private List<Demand> syndicated;
  private int next;

  @Setup(Level.Trial)
  public void buildCatalog() {
    SyntheticNetwork network = new SyntheticNetwork(2026);
    List<Product> products = network.products(PRODUCTS);
    demands = network.demands(1_000);
    ProductIndex index = new ProductIndex();
    products.forEach(index::put);
    InstrumentIndex instruments = new InstrumentIndex();
    network.instruments(INSTRUMENTS).forEach(instruments::put);
    syndicated = network.syndicatedDemands(1_000);
    Scoring scoring = new Scoring(bank -> BankStanding.NEW);
    indexed = new Matcher(index, instruments, scoring);
    withoutInstruments = new Matcher(index, new InstrumentIndex(), scoring);
    fullScan = new Matcher(new FullScanCatalog(products), instruments, scoring);
  }

  @Benchmark
  public MatchOutcome indexed() {
    return indexed.match(nextDemand(), SyntheticNetwork.TODAY, Set.of(), SLOTS);
  }

  @Benchmark
  public MatchOutcome indexedWithoutInstruments() {
    return withoutInstruments.match(nextDemand(), SyntheticNetwork.TODAY, Set.of(), SLOTS);
  }

  /** A demand no single product covers, shared among the banks whose products take shares. */
  @Benchmark
  public MatchOutcome indexedSyndicate() {
    Demand demand = syndicated.get(next);
    next = (next + 1) % syndicated.size();
    return indexed.match(demand, SyntheticNetwork.TODAY, Set.of(), SLOTS);
  }

  @Benchmark
  public MatchOutcome fullScan() {
    return fullScan.match(nextDemand(), SyntheticNetwork.TODAY, Set.of(), SLOTS);
  }

  private Demand nextDemand() {
    Demand demand = demands.get(next);
    next = (next + 1) % demands.size();
    return demand;
  }
}
