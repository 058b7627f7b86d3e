package dev.hype.bench.resolver;

import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.Resolution;

/** Print, for each registry size, the packages chosen and the warm time of one resolution, without JMH. */
public final class ResolverProbe {
    private ResolverProbe() {
    }

    /** Run the probe: {@code ResolverProbe [sizes...]}. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100, 1000, 5000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            GeneratedRegistry registry = new GeneratedRegistry(n, 42L);
            Resolution r = null;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                r = DependencyResolver.pubGrub().resolve(registry.root(), registry);
                best = Math.min(best, System.nanoTime() - start);
                bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            }
            long majors = r.versions().values().stream().filter(v -> v.major() > 1).count();
            System.out.printf("%d packages: %d chosen (%d above 1.x), best of 20: %.1f ms wall, %.1f ms CPU%n",
                    n, r.versions().size(), majors, best / 1e6, bestCpu / 1e6);
        }
    }
}
