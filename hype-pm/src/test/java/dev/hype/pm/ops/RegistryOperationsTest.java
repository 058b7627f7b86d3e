package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dist-tag}, {@code unpublish} and {@code deprecate} given what they do not take: each refusal names the
 * argument and says what would work, and the registry is left as it was.
 */
class RegistryOperationsTest {
    @TempDir
    Path temp;

    private RegistryClient client;

    @BeforeEach
    void publish() throws IOException {
        client = InfoOperationTest.publishedWidget(temp);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static HypeException error(ThrowingCallable action) {
        HypeException e = catchThrowableOfType(HypeException.class, action);
        assertThat(e).as("the HypeException thrown").isNotNull();
        return e;
    }

    private DistTagResult distTag(DistTagOptions.Action action, String spec, String tag) {
        return DistTagOperation.run(new DistTagOptions(action, spec, tag), client);
    }

    @Test
    void distTagRefusesSpecsAndTagsItDoesNotTake() {
        HypeException list = error(() -> distTag(DistTagOptions.Action.LIST, "@acme/w@1.0.0", null));
        assertThat(list.code()).isEqualTo(DistTagOperation.E_BAD_TAG);
        assertThat(list.getMessage()).isEqualTo("'dist-tag ls' takes a package name, not '@acme/w@1.0.0'");
        assertThat(error(() -> distTag(DistTagOptions.Action.ADD, "@acme/w@^1", "stable")).getMessage())
            .isEqualTo("'dist-tag add' needs NAME@VERSION with an exact version, not '@acme/w@^1'");
        assertThat(error(() -> distTag(DistTagOptions.Action.ADD, "@acme/w@1.0.0", "1.x")).getMessage())
            .isEqualTo("'1.x' cannot be a dist-tag");
        assertThat(error(() -> distTag(DistTagOptions.Action.REMOVE, "@acme/w@next", "next")).getMessage())
            .isEqualTo("'dist-tag rm' takes NAME and TAG, not '@acme/w@next'");
        assertThat(error(() -> distTag(DistTagOptions.Action.REMOVE, "@acme/w", "latest")).getMessage())
            .startsWith("the 'latest' dist-tag cannot be removed");
        HypeException missing = error(() -> distTag(DistTagOptions.Action.REMOVE, "@acme/w", "beta"));
        assertThat(missing.getMessage()).isEqualTo("@acme/w has no dist-tag 'beta'");
        assertThat(missing.hints()).containsExactly("its dist-tags: latest, next");

        assertThat(client.distTags("@acme/w")).containsOnlyKeys("latest", "next");
    }

    @Test
    void distTagAddsListsAndRemovesTags() {
        DistTagResult added = distTag(DistTagOptions.Action.ADD, "@acme/w@1.5.0", "stable");
        assertThat(added.tags()).containsEntry("stable", "1.5.0");

        DistTagResult removed = distTag(DistTagOptions.Action.REMOVE, "@acme/w", "stable");
        assertThat(removed.tags()).doesNotContainKey("stable");
        assertThat(distTag(DistTagOptions.Action.LIST, "@acme/w", null).tags()).containsOnlyKeys("latest", "next");
    }

    @Test
    void unpublishTakesOnlyAnExactPublishedVersion() {
        HypeException range = error(() -> UnpublishOperation.run(new UnpublishOptions("@acme/w@^1", false), client));
        assertThat(range.code()).isEqualTo(PackageSpec.E_BAD_SPEC);
        assertThat(range.getMessage()).isEqualTo("unpublish takes NAME@VERSION with an exact version, not '@acme/w@^1'");
        assertThat(range.hints()).containsExactly("published versions of @acme/w: 1.0.0, 1.5.0, 2.0.0-rc.1, 2.0.0");
        HypeException absent = error(() -> UnpublishOperation.run(new UnpublishOptions("@acme/w@3.0.0", false),
            client));
        assertThat(absent.code()).isEqualTo(DeprecateOperation.E_NO_MATCH);
        assertThat(absent.getMessage()).isEqualTo("@acme/w@3.0.0 is not published");
        HypeException all = error(() -> UnpublishOperation.run(new UnpublishOptions("@acme/w", false), client));
        assertThat(all.code()).isEqualTo(UnpublishOperation.E_NEEDS_FORCE);

        assertThat(client.packument("@acme/w", Form.FULL).versions()).hasSize(4);
    }

    @Test
    void deprecateRefusesADistTag() {
        HypeException tag = error(() -> DeprecateOperation.run(new DeprecateOptions("@acme/w@next", "old"), client));

        assertThat(tag.code()).isEqualTo(PackageSpec.E_BAD_SPEC);
        assertThat(tag.getMessage()).isEqualTo("deprecate takes NAME or NAME@RANGE, not the dist-tag in '@acme/w@next'");
        assertThat(tag.hints()).containsExactly("for example: hype pkg deprecate @acme/w@\"<2.0.0\" \"use 2.x\"");
    }

    @Test
    void searchTakesALimitFrom1To250() {
        for (int limit : new int[] {0, 251}) {
            HypeException e = error(() -> SearchOperation.run(new SearchOptions("w", limit), client));
            assertThat(e.code()).isEqualTo("E_USAGE");
            assertThat(e.getMessage()).isEqualTo("--limit must be between 1 and 250, not " + limit);
        }
    }

    @Test
    void packingNeedsAVersion() throws IOException {
        Path project = java.nio.file.Files.createDirectories(temp.resolve("unversioned"));
        java.nio.file.Files.writeString(project.resolve("hype.json"), "{\"name\": \"w\"}");

        HypeException e = error(() -> PackOperation.run(new PackOptions(project, temp.resolve("out"), false)));

        assertThat(e.code()).isEqualTo(dev.hype.pm.pack.PackException.E_PACK);
        assertThat(e.getMessage()).isEqualTo(project.resolve("hype.json") + ": field 'version' is missing");
        assertThat(temp.resolve("out")).doesNotExist();
    }
}
