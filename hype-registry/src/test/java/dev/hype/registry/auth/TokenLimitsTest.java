package dev.hype.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLimitsTest {
    @TempDir
    Path storage;

    private static InetAddress at(String address) throws Exception {
        return InetAddress.getByName(address);
    }

    @Test
    void rangesMatchByPrefixInTheirOwnFamily() throws Exception {
        TokenLimits limits = new TokenLimits(false, List.of("10.1.0.0/16", "192.168.1.7", "fd00::/8", "0.0.0.0/0"));
        TokenLimits narrow = new TokenLimits(false, List.of("10.1.0.0/16", "fd00::/8"));

        assertThat(narrow.allows(at("10.1.255.3"))).isTrue();
        assertThat(narrow.allows(at("10.2.0.1"))).isFalse();
        assertThat(narrow.allows(at("fd12:3456::1"))).isTrue();
        assertThat(narrow.allows(at("fe80::1"))).isFalse();
        assertThat(narrow.allows(at("::ffff:10.1.0.1"))).as("Java maps v4-mapped v6 to v4").isTrue();
        assertThat(limits.allows(at("8.8.8.8"))).isTrue();
        assertThat(new TokenLimits(false, List.of("192.168.1.7")).allows(at("192.168.1.8"))).isFalse();
        assertThat(new TokenLimits(false, List.of("10.1.2.3/12")).allows(at("10.15.0.0"))).isTrue();
        assertThat(TokenLimits.NONE.allows(at("203.0.113.9"))).isTrue();
        assertThat(TokenLimits.NONE.isNone()).isTrue();
        assertThat(new TokenLimits(true, List.of()).isNone()).isFalse();
    }

    @Test
    void aRangeThatIsNotAnAddressIsRefusedByName() {
        for (String bad : List.of("", "localhost", "10.0.0/8", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "256.1.1.1",
            "10.0.0.0/-1")) {
            assertThatThrownBy(() -> new TokenLimits(false, List.of(bad))).as(bad)
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.code()).isEqualTo(AuthException.E_INVALID_CIDR);
                    assertThat(e.getMessage()).startsWith("'" + bad + "' is not a CIDR range");
                });
        }
    }

    @Test
    void theStoreKeepsLimitsAcrossProcesses() {
        String readOnly = TokenStore.create(storage, "alice", new TokenLimits(true, List.of("127.0.0.1")));
        String plain = TokenStore.create(storage, "bob");

        TokenStore reopened = TokenStore.open(storage);

        assertThat(reopened.identify(readOnly).orElseThrow().limits())
            .isEqualTo(new TokenLimits(true, List.of("127.0.0.1")));
        assertThat(reopened.identify(plain).orElseThrow().limits()).isEqualTo(TokenLimits.NONE);
        assertThat(reopened.authenticate(readOnly)).contains("alice");
        assertThat(reopened.list()).extracting(TokenInfo::limits)
            .containsExactly(new TokenLimits(true, List.of("127.0.0.1")), TokenLimits.NONE);
    }
}
