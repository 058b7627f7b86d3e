package dev.hype.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's account files when they are damaged or asked for what they cannot hold: each failure is an
 * {@link AuthException} with a stable code, naming the file or the value, and a damaged file is never overwritten.
 */
class AuthStorageTest {
    @TempDir
    Path storage;

    private Path file(String name, String content) throws IOException {
        Path dir = Files.createDirectories(storage.resolve(".hype"));
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertCode(Throwable e, String code) {
        assertThat(((AuthException) e).code()).isEqualTo(code);
    }

    @Test
    void aDamagedTokenFileIsNamedAndLeftAsItIs() throws IOException {
        Path tokens = file("tokens.json", "{\"tokens\": {}}");
        TokenStore store = TokenStore.open(storage);
        assertThatThrownBy(store::list).isInstanceOf(AuthException.class)
                .hasMessageContaining("cannot read " + tokens).hasMessageContaining("expected {\"tokens\": [...]}")
                .satisfies(e -> assertCode(e, AuthException.E_AUTH_STORAGE));
        assertThatThrownBy(() -> store.issue("alice")).isInstanceOf(AuthException.class)
                .hasMessageContaining("cannot update " + tokens);
        assertThat(tokens).content().isEqualTo("{\"tokens\": {}}");
    }

    @Test
    void revokingByAnIdOrByTheTokenItself() {
        TokenStore store = TokenStore.open(storage);
        store.issue("alice");
        String raw = store.issue("bob");
        TokenInfo alice = store.list().stream().filter(t -> t.user().equals("alice")).findFirst().orElseThrow();
        assertThat(store.revokeMatching(alice.id())).hasValueSatisfying(t -> assertThat(t.user()).isEqualTo("alice"));
        assertThat(store.list()).noneMatch(t -> t.user().equals("alice"));
        assertThat(store.revokeMatching("abcdef0123456789")).isEmpty();

        assertThat(store.revokeMatching(raw)).hasValueSatisfying(t -> assertThat(t.user()).isEmpty());
        assertThat(store.authenticate(raw)).isEmpty();
        assertThat(store.revokeMatching(raw)).isEmpty();
    }

    @Test
    void anAmbiguousIdPrefixIsRefusedNamingHowManyItMatches() throws IOException {
        file("tokens.json", """
                {"tokens": [
                  {"sha256": "abcdef0000000000000000000000000000000000000000000000000000000001", "user": "a"},
                  {"sha256": "abcdef0000000000000000000000000000000000000000000000000000000002", "user": "b"}
                ]}
                """);
        TokenStore store = TokenStore.open(storage);
        assertThatThrownBy(() -> store.revokeMatching("ABCDEF")).isInstanceOf(AuthException.class)
                .hasMessage("'ABCDEF' is the start of 2 token ids")
                .satisfies(e -> assertCode(e, AuthException.E_AMBIGUOUS_TOKEN));
        assertThat(store.list()).hasSize(2);
        assertThat(store.revokeMatching("abcdef0000000000000000000000000000000000000000000000000000000002")).isPresent();
        assertThat(store.list()).singleElement().satisfies(t -> assertThat(t.user()).isEqualTo("a"));
    }

    @Test
    void scopeRostersRefuseUnknownRolesBadNamesAndADamagedFile() throws IOException {
        ScopeStore scopes = ScopeStore.open(storage);
        assertThat(scopes.claim("acme", List.of("alice"))).containsEntry("alice", "owner");
        assertThat(scopes.claim("acme", List.of("mallory"))).containsOnlyKeys("alice");
        assertThatThrownBy(() -> scopes.set("acme", "bob", "boss")).isInstanceOf(AuthException.class)
                .hasMessage("'boss' is not a role").satisfies(e -> assertCode(e, AuthException.E_INVALID_USER));
        assertThatThrownBy(() -> scopes.set("acme", "bad name", "developer")).isInstanceOf(AuthException.class)
                .hasMessage("invalid user name 'bad name'");
        assertThat(scopes.remove("acme", "nobody")).isFalse();
        assertThat(scopes.roster("acme")).containsOnlyKeys("alice");

        Path file = file("scopes.json", "{\"scopes\": []}");
        assertThatThrownBy(() -> scopes.roster("acme")).isInstanceOf(AuthException.class)
                .hasMessageContaining("cannot read " + file).hasMessageContaining("expected {\"scopes\": {...}}")
                .satisfies(e -> assertCode(e, AuthException.E_AUTH_STORAGE));
        assertThatThrownBy(() -> scopes.set("acme", "bob", "developer")).isInstanceOf(AuthException.class)
                .hasMessageContaining("cannot update " + file);
        assertThat(file).content().isEqualTo("{\"scopes\": []}");
    }

    @Test
    void accountsRefuseBadNamesAndEmptyPasswordsAndNameADamagedFile() throws IOException {
        UserStore users = UserStore.open(storage);
        assertThatThrownBy(() -> users.login("bad name", "pw")).isInstanceOf(AuthException.class)
                .hasMessage("invalid user name or empty password for 'bad name'")
                .satisfies(e -> assertCode(e, AuthException.E_INVALID_USER));
        assertThatThrownBy(() -> users.login("alice", "")).isInstanceOf(AuthException.class);
        assertThat(users.login("alice", "pw")).isEqualTo(LoginOutcome.CREATED);
        assertThat(users.verify("alice", "")).hasValue(LoginOutcome.WRONG_PASSWORD);
        assertThat(users.verify("nobody", "pw")).isEmpty();

        Path file = file("users.json", "[\"not\", \"an object\"]");
        for (Runnable use : List.<Runnable>of(() -> users.login("alice", "pw"), () -> users.verify("alice", "pw"),
                () -> users.exists("alice"))) {
            assertThatThrownBy(use::run).isInstanceOf(AuthException.class)
                    .hasMessage("cannot use " + file + ": expected a JSON object")
                    .satisfies(e -> assertCode(e, AuthException.E_AUTH_STORAGE));
        }
        file("users.json", "{\"users\": {\"alice\": {\"salt\": \"***\", \"hash\": \"***\"}}}");
        assertThatThrownBy(() -> users.verify("alice", "pw")).isInstanceOf(AuthException.class)
                .hasMessageContaining("cannot use " + file);
    }
}
