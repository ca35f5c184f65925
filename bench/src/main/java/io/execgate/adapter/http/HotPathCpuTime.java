package io.execgate.adapter.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * {@link HotPathBenchmark}'s retry measured on the calling thread's own CPU clock and allocation
 * counter ({@code com.sun.management.ThreadMXBean}): on a machine whose cores other processes share,
 * JMH's wall-clock average counts the time the thread waited for its core (it read 70–680 µs per
 * retry while this read 8–14). The collector's time is not in it (it runs on its own threads); the
 * allocation printed beside it is what drives that.
 *
 * <pre>taskset -c 0 java -cp bench/target/benchmarks.jar io.execgate.adapter.http.HotPathCpuTime [vendor ...]</pre>
 */
public final class HotPathCpuTime {
    private static final int WARM_UP = 300_000;
    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 100_000;

    private HotPathCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (String vendor : args.length > 0 ? List.of(args) : List.of("kaizen", "kinetic", "algapsa", "skyvern")) {
            HotPathBenchmark retries = new HotPathBenchmark();
            retries.vendor = vendor;
            retries.start();
            long written = 0;
            for (int i = 0; i < WARM_UP; i++) {
                written += retries.retry();
            }
            StringBuilder rounds = new StringBuilder();
            for (int round = 0; round < ROUNDS; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < PER_ROUND; i++) {
                    written += retries.retry();
                }
                rounds.append(String.format(" %.2f µs %d B;", (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / PER_ROUND,
                        (threads.getThreadAllocatedBytes(thread) - allocated) / PER_ROUND));
            }
            retries.stop();
            System.out.printf("%-8s CPU and allocation per retry, %d rounds of %d:%s (%d bytes written)%n",
                    vendor, ROUNDS, PER_ROUND, rounds, written);
        }
    }
}
