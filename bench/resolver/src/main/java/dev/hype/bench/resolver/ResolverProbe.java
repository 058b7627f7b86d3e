package dev.hype.bench.resolver;

import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.Resolution;

/**
 * Print, for each registry size, the packages chosen and the warm time of one resolution, without JMH; with
 * {@code --features}, of the registry variant with features. {@code -Dprobe.runs=N} (default 20) runs each N times.
 */
public final class ResolverProbe {
    private ResolverProbe() {
    }

    /** Run the probe: {@code ResolverProbe [--features] [sizes...]}. */
    public static void main(String[] args) {
        boolean features = args.length > 0 && args[0].equals("--features");
        String[] rest = features ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int[] sizes = rest.length == 0 ? new int[] {100, 1000, 5000} : java.util.Arrays.stream(rest).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.getInteger("probe.runs", 20);
        for (int n : sizes) {
            GeneratedRegistry registry = new GeneratedRegistry(n, 42L, features);
            Resolution r = null;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                r = DependencyResolver.pubGrub().resolve(registry.root(), registry);
                best = Math.min(best, System.nanoTime() - start);
                bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            }
            long majors = r.versions().values().stream().filter(v -> v.major() > 1).count();
            long enabled = r.features().values().stream().mapToLong(java.util.Map::size).sum();
            System.out.printf("%d packages: %d chosen (%d above 1.x, %d features on), best of %d: %.1f ms wall,"
                    + " %.1f ms CPU%n", n, r.versions().size(), majors, enabled, runs, best / 1e6, bestCpu / 1e6);
        }
    }
}
