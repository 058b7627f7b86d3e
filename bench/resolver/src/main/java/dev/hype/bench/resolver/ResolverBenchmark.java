package dev.hype.bench.resolver;

import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.Resolution;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time one full resolution of a generated registry, warm (the registry is built once per trial). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xss8m"})
public class ResolverBenchmark {
    @Param({"100", "1000", "5000"})
    public int packages;

    /** Whether the registry's packages have features and ask each other for them. */
    @Param({"false", "true"})
    public boolean features;

    private GeneratedRegistry registry;

    @Setup
    public void generate() {
        registry = new GeneratedRegistry(packages, 42L, features);
    }

    @Benchmark
    public Resolution resolve() {
        return DependencyResolver.pubGrub().resolve(registry.root(), registry);
    }
}
