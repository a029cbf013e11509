package io.huoshui.bankkit.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The check's verdict, one numbered line per point, printed as it is decided. SKIP marks a point
 * the network cannot be made to show on demand; it is named, never counted as a pass.
 */
final class Report {

  enum Verdict {
    PASS,
    FAIL,
    SKIP
  }

  record Line(int number, Verdict verdict, String point, String detail) {

    @Override
    public String toString() {
      return "%-4s %2d. %s%s"
          .formatted(verdict, number, point, detail.isEmpty() ? "" : " — " + detail);
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  boolean check(boolean passed, String point, String detail) {
    add(passed ? Verdict.PASS : Verdict.FAIL, point, detail);
    return passed;
  }

  void skip(String point, String why) {
    add(Verdict.SKIP, point, why);
  }

  private void add(Verdict verdict, String point, String detail) {
    Line line = new Line(lines.size() + 1, verdict, point, detail);
    lines.add(line);
    out.println(line);
    out.flush();
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  long failures() {
    return lines.stream().filter(line -> line.verdict() == Verdict.FAIL).count();
  }

  /** The summary line and the exit status: 0 only when no point failed. */
  int finish() {
    long passed = lines.stream().filter(line -> line.verdict() == Verdict.PASS).count();
    long skipped = lines.size() - passed - failures();
    out.printf(
        "%s：%d 项通过，%d 项失败，%d 项跳过 / %d passed, %d failed, %d skipped%n",
        failures() == 0 ? "符合 CONFORMS" : "不符合 DOES NOT CONFORM",
        passed,
        failures(),
        skipped,
        passed,
        failures(),
        skipped);
    return failures() == 0 ? 0 : 1;
  }
}
