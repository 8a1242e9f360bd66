package io.collectflow.simulation;

import java.io.PrintStream;

/** A one-line progress bar on a terminal: {@code [#####.....]  42/180 days  1m12s  strategy}. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void update(int done) {
        int percent = (int) (100L * done / total);
        if (percent == lastPercent && done < total) {
            return;
        }
        lastPercent = percent;
        int filled = (int) ((long) WIDTH * done / total);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent)
            + String.format(" %d/%d days  %dm%02ds  %s", done, total, seconds / 60, seconds % 60, label));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
