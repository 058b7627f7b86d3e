package dev.hype.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path storage;

    @Test
    void issueTokensThatAuthenticateTheirUser() {
        TokenStore store = TokenStore.open(storage);

        String alice = store.issue("alice");
        String bob = store.issue("bob");

        assertThat(alice).startsWith("hype_").isNotEqualTo(bob);
        assertThat(store.authenticate(alice)).hasValue("alice");
        assertThat(store.authenticate(bob)).hasValue("bob");
        assertThat(store.authenticate("hype_forged")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
    }

    @Test
    void storeOnlyHashesWithUserAndDate() throws IOException {
        String token = TokenStore.create(storage, "alice");

        String file = Files.readString(storage.resolve(".hype/tokens.json"));

        assertThat(file).doesNotContain(token).contains("\"sha256\"").contains("\"alice\"").contains("\"created\"");
        assertThat(TokenStore.open(storage).list()).singleElement()
            .satisfies(info -> {
                assertThat(info.user()).isEqualTo("alice");
                assertThat(info.id()).hasSize(12);
            });
    }

    @Test
    void seeTokensCreatedByAnotherProcess() {
        TokenStore server = TokenStore.open(storage);
        assertThat(server.authenticate("hype_x")).isEmpty();

        String token = TokenStore.create(storage, "carol");

        assertThat(server.authenticate(token)).hasValue("carol");
    }

    @Test
    void revokeTokens() {
        TokenStore store = TokenStore.open(storage);
        String token = store.issue("alice");

        assertThat(store.revoke(token)).isTrue();
        assertThat(store.authenticate(token)).isEmpty();
        assertThat(store.revoke(token)).isFalse();
    }

    @Test
    void rejectInvalidUserNames() {
        assertThatThrownBy(() -> TokenStore.create(storage, "a b")).isInstanceOf(AuthException.class)
            .hasMessageContaining("invalid user name");
        assertThatThrownBy(() -> TokenStore.create(storage, "")).isInstanceOf(AuthException.class);
    }
}
