package dev.hype.pm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    private static final byte[] DATA = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void computeSriAndShasumLikeNpm() {
        assertThat(Integrity.sha512(DATA).sri()).isEqualTo(
            "sha512-m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==");
        assertThat(Integrity.sha1(DATA).hex()).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    }

    @Test
    void parseAndVerifySri() {
        Integrity parsed = Integrity.parse(Integrity.sha512(DATA).sri());

        assertThat(parsed.matches(DATA)).isTrue();
        assertThat(parsed.matches("hellO".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(parsed).isEqualTo(Integrity.sha512(DATA));
    }

    @Test
    void pickTheStrongestOfSeveralHashes() {
        String both = Integrity.sha1(DATA).sri() + " " + Integrity.sha512(DATA).sri() + "?opt";

        assertThat(Integrity.parse(both).algorithm()).isEqualTo(Integrity.Algorithm.SHA512);
    }

    @Test
    void acceptAHexShasum() {
        assertThat(Integrity.parseShasum("AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D").matches(DATA)).isTrue();
        assertThatThrownBy(() -> Integrity.parseShasum("abc")).isInstanceOf(PackException.class);
    }

    @Test
    void rejectUnsupportedOrMalformedSri() {
        assertThatThrownBy(() -> Integrity.parse("md5-abc")).isInstanceOf(PackException.class)
            .hasMessageContaining("md5-abc");
        assertThatThrownBy(() -> Integrity.parse("sha512-notbase64!")).isInstanceOf(PackException.class);
        assertThatThrownBy(() -> Integrity.parse("sha512-aGVsbG8=")).as("wrong length").isInstanceOf(PackException.class);
    }

    @Test
    void verifyNamesTheDataAndBothDigests() {
        assertThatThrownBy(() -> Integrity.sha512(DATA).verify(new byte[] {1}, "a-1.0.0.tgz"))
            .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.code()).isEqualTo("E_INTEGRITY"))
            .hasMessageContaining("a-1.0.0.tgz").hasMessageContaining(Integrity.sha512(DATA).sri());
    }
}
