package dev.hype.pm.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package signing as a publisher and an installer meet it: key pairs written once and kept private, signatures
 * checked against the keys {@code trustedKeys} names per scope, and every malformed key or configuration named.
 */
class SigningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTEGRITY = "sha512-AAAA";

    @TempDir
    Path temp;

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static SignatureException signatureError(ThrowingCallable action) {
        SignatureException e = catchThrowableOfType(SignatureException.class, action);
        assertThat(e).as("the SignatureException thrown").isNotNull();
        return e;
    }

    @Test
    void aKeyPairIsWrittenOnceWithThePrivateHalfReadableByItsOwnerOnly() throws IOException {
        SigningKeys.Generated keys = SigningKeys.generate(temp.resolve("keys"), "release");

        assertThat(keys.privateKeyFile()).isEqualTo(temp.resolve("keys/release.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile())))
                .isEqualTo("rw-------");
        assertThat(keys.publicKeyFile()).content().isEqualTo(keys.publicKey() + "\n");
        PublicKey beside = SigningKeys.publicKeyBeside(keys.privateKeyFile());
        assertThat(SigningKeys.keyid(beside)).isEqualTo(keys.keyid()).startsWith("SHA256:");
        assertThat(SigningKeys.readPrivateKey(keys.privateKeyFile()).getAlgorithm()).isIn("Ed25519", "EdDSA");

        SignatureException again = signatureError(() -> SigningKeys.generate(temp.resolve("keys"), "release"));
        assertThat(again.code()).isEqualTo(SignatureException.E_KEY);
        assertThat(again.getMessage()).endsWith("already exists");
        assertThat(again.hints()).anyMatch(h -> h.contains("keys are never overwritten"));
        assertThat(SigningKeys.publicKeyBeside(keys.privateKeyFile())).as("not overwritten").isEqualTo(beside);
    }

    @Test
    void unreadableOrMalformedKeyFilesAreNamed() throws IOException {
        Path garbage = Files.writeString(temp.resolve("bad.key"), "not base64 at all!\n");
        Path lonely = Files.writeString(temp.resolve("lonely.key"), "x\n");

        SignatureException missing = signatureError(() -> SigningKeys.readPrivateKey(temp.resolve("none.key")));
        assertThat(missing.code()).isEqualTo(SignatureException.E_KEY);
        assertThat(missing.getMessage()).startsWith("cannot read the private key ").contains("none.key");
        assertThat(signatureError(() -> SigningKeys.readPrivateKey(garbage)).getMessage()).isEqualTo(garbage
                + " is not an Ed25519 private key as 'hype pkg keygen' writes it (the base64 of its PKCS#8 encoding)");
        SignatureException noPub = signatureError(() -> SigningKeys.publicKeyBeside(lonely));
        assertThat(noPub.getMessage()).isEqualTo("cannot read " + temp.resolve("lonely.pub") + ", the public key of "
                + lonely);
        assertThat(noPub.hints()).containsExactly("keep the .pub file beside the .key file 'hype pkg keygen' wrote");
        assertThat(signatureError(() -> SigningKeys.parsePublicKey("AAAA", "config.json")).getMessage())
                .isEqualTo("config.json: not an Ed25519 public key");
    }

    @Test
    void aSignatureVerifiesOnlyForItsPackageVersionAndIntegrity() throws IOException {
        SigningKeys.Generated keys = SigningKeys.generate(temp, "k");
        PrivateKey key = SigningKeys.readPrivateKey(keys.privateKeyFile());
        PublicKey pub = SigningKeys.parsePublicKey(keys.publicKey(), "k.pub");

        PackageSignature signature = PackageSignature.sign("@acme/x", "1.0.0", INTEGRITY, key, keys.keyid());

        assertThat(signature.keyid()).isEqualTo(keys.keyid());
        assertThat(signature.verifies("@acme/x", "1.0.0", INTEGRITY, pub)).isTrue();
        assertThat(signature.verifies("@acme/x", "1.0.1", INTEGRITY, pub)).isFalse();
        assertThat(signature.verifies("@acme/x", "1.0.0", "sha512-BBBB", pub)).isFalse();
        assertThat(new PackageSignature(keys.keyid(), "%%% not base64").verifies("@acme/x", "1.0.0", INTEGRITY, pub))
                .isFalse();
    }

    @Test
    void signingWithAKeyThatIsNotEd25519IsRefused() throws Exception {
        PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        SignatureException e = signatureError(() -> PackageSignature.sign("a", "1.0.0", INTEGRITY, rsa, "SHA256:x"));

        assertThat(e.code()).isEqualTo(SignatureException.E_KEY);
        assertThat(e.getMessage()).isEqualTo("cannot sign with this key: it is not a usable Ed25519 private key");
    }

    @Test
    void trustedKeysRequireASignatureByAKeyOfThePackagesScope() throws IOException {
        SigningKeys.Generated acme = SigningKeys.generate(temp, "acme");
        SigningKeys.Generated other = SigningKeys.generate(temp, "other");
        TrustedKeys trusted = TrustedKeys.parse(json("{\"@acme\": \"" + acme.publicKey() + "\"}"), "config.json");
        String good = PackageSignature.sign("@acme/x", "1.0.0", INTEGRITY,
                SigningKeys.readPrivateKey(acme.privateKeyFile()), acme.keyid()).sig();
        String byOther = PackageSignature.sign("@acme/x", "1.0.0", INTEGRITY,
                SigningKeys.readPrivateKey(other.privateKeyFile()), other.keyid()).sig();

        trusted.check("@acme/x", "1.0.0", INTEGRITY, json("[{\"keyid\": \"" + other.keyid() + "\", \"sig\": \""
                + byOther + "\"}, {\"keyid\": \"" + acme.keyid() + "\", \"sig\": \"" + good + "\"}]"));
        trusted.check("plain", "1.0.0", INTEGRITY, null);
        trusted.check("@other/y", "1.0.0", INTEGRITY, null);
        assertThat(trusted.keysFor("@acme/x")).hasSize(1);
        assertThat(trusted.keysFor("@acme")).as("a scope alone is not a package name").isEmpty();

        SignatureException unsigned = signatureError(() -> trusted.check("@acme/x", "1.0.0", INTEGRITY, null));
        assertThat(unsigned.code()).isEqualTo(SignatureException.E_SIGNATURE);
        assertThat(unsigned.getMessage()).isEqualTo("@acme/x@1.0.0 is not signed by a key trusted for it");
        assertThat(unsigned.hints()).anyMatch(h -> h.contains("one of 1 key(s)"));
        SignatureException wrongKey = signatureError(() -> trusted.check("@acme/x", "1.0.0", INTEGRITY,
                json("[{\"keyid\": \"" + other.keyid() + "\", \"sig\": \"" + byOther + "\"}]")));
        assertThat(wrongKey.getMessage()).isEqualTo("@acme/x@1.0.0 has no valid signature by a key trusted for it");
        SignatureException otherVersion = signatureError(() -> trusted.check("@acme/x", "2.0.0", INTEGRITY,
                json("[{\"keyid\": \"" + acme.keyid() + "\", \"sig\": \"" + good + "\"}]")));
        assertThat(otherVersion.getMessage()).contains("has no valid signature");
    }

    @Test
    void aStarScopeCoversEveryPackage() throws IOException {
        SigningKeys.Generated keys = SigningKeys.generate(temp, "all");
        TrustedKeys trusted = TrustedKeys.parse(json("{\"*\": [\"" + keys.publicKey() + "\"]}"), "config.json");

        assertThat(trusted.keysFor("plain")).hasSize(1);
        assertThatThrownBy(() -> trusted.check("plain", "1.0.0", INTEGRITY, json("[]")))
                .hasMessage("plain@1.0.0 is not signed by a key trusted for it");
    }

    @Test
    void aMalformedTrustedKeysConfigurationIsNamed() throws IOException {
        assertThat(TrustedKeys.parse(null, "config.json").keysFor("@acme/x")).isEmpty();
        assertThat(TrustedKeys.parse(json("null"), "config.json").keysFor("@acme/x")).isEmpty();
        assertThat(TrustedKeys.none().keysFor("x")).isEmpty();

        assertThat(signatureError(() -> parse("[\"key\"]")).getMessage())
                .isEqualTo("config.json: trustedKeys must be an object");
        assertThat(signatureError(() -> parse("{\"acme\": []}")).getMessage())
                .isEqualTo("config.json: trustedKeys.acme is not a scope");
        SignatureException badKey = signatureError(() -> parse("{\"@acme\": [\"bm90IGEga2V5\"]}"));
        assertThat(badKey.code()).isEqualTo(SignatureException.E_KEY);
        assertThat(badKey.getMessage()).isEqualTo("config.json: trustedKeys.@acme: not an Ed25519 public key");
    }

    private static void parse(String text) throws IOException {
        TrustedKeys.parse(JSON.readTree(text), "config.json");
    }
}
