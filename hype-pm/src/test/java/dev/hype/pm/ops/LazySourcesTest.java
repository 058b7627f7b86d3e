package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package sources given as a {@link Supplier} ({@link InstallOptions#sources()}) are built only when an install needs
 * them: a no-op install decided from the tree's marker builds none (no registry configuration, client or mapper), a
 * full install builds them once.
 */
class LazySourcesTest {
    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void project() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.1.0").add("json", "2.0.0", "lpeg", "^1.0.0");
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"json\": \"^2.0.0\"}}");
    }

    private InstallOptions lazily(Supplier<PackageSources> sources) {
        return new InstallOptions(project.dir, sources, project.store, List.of(), DependencyKind.RUNTIME, false, false,
                false, false, FeatureSelection.LOCKED, Set.of(), PermissionApprover.REFUSE);
    }

    @Test
    void aFullInstallBuildsTheSourcesOnceAndANoOpNever() {
        AtomicInteger built = new AtomicInteger();
        InstallResult first = InstallOperation.run(lazily(() -> {
            built.incrementAndGet();
            return project.sources(new CountingFetcher());
        }), Reporter.SILENT);
        assertThat(first.added()).containsExactlyInAnyOrder("json", "lpeg");
        assertThat(built).hasValue(1);

        InstallResult again = InstallOperation.run(lazily(() -> {
            throw new AssertionError("a no-op install built its package sources");
        }), Reporter.SILENT);
        assertThat(again.added()).isEmpty();
        assertThat(again.installed()).isEqualTo(2);
    }

    @Test
    void anInstallThatNeedsThemFailsWithTheErrorOfBuildingThem() throws IOException {
        project.install();
        Files.writeString(project.dir.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"lpeg\": \"^1.0.0\"}}");
        HypeException bad = new HypeException("E_CONFIG", "config.json: field 'registry' must be a URL string",
                List.of());
        assertThatThrownBy(() -> InstallOperation.run(lazily(() -> {
            throw bad;
        }), Reporter.SILENT)).isSameAs(bad);
        // Nothing changed: the next install with working sources still has both packages to reconcile.
        assertThat(project.dir.resolve("hype_modules/json")).exists();
    }

    @Test
    void theSourcesAreBuiltOnceWhateverTheCopies() {
        AtomicInteger built = new AtomicInteger();
        InstallOptions options = lazily(() -> {
            built.incrementAndGet();
            return project.sources(new CountingFetcher());
        }).planning(true, false).with(false, false, true);
        PackageSources sources = options.sources();
        assertThat(options.adding(DependencyKind.DEV, false, "x").sources()).isSameAs(sources);
        assertThat(built).hasValue(1);
        assertThatThrownBy(() -> lazily(null)).isInstanceOf(NullPointerException.class).hasMessage("sources");
        assertThatThrownBy(() -> lazily(() -> null).sources()).isInstanceOf(NullPointerException.class);
    }
}
