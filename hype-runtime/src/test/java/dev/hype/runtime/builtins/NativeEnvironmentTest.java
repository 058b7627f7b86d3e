package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {
    private final NativeEnvironment env = new NativeEnvironment();

    @Test
    void setsReadsListsAndRemovesVariables() {
        env.put("HYPE_NATIVE_ENV_TEST", "one");
        assertThat(env.get("HYPE_NATIVE_ENV_TEST")).isEqualTo("one");
        assertThat(env.snapshot()).containsEntry("HYPE_NATIVE_ENV_TEST", "one");
        env.put("HYPE_NATIVE_ENV_TEST", null);
        assertThat(env.get("HYPE_NATIVE_ENV_TEST")).isNull();
        assertThat(env.snapshot()).doesNotContainKey("HYPE_NATIVE_ENV_TEST");
    }

    @Test
    void startsFromTheProcessEnvironment() {
        assertThat(env.get("PATH")).isEqualTo(System.getenv("PATH"));
        assertThat(env.snapshot()).containsEntry("PATH", System.getenv("PATH"));
    }

    @Test
    void changesTheCLibraryEnvironmentOnUnix() {
        if (!ProcessModule.platform().equals("win32")) {
            assertThat(env.changesProcess()).isTrue();
        }
    }
}
