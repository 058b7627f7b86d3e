package dev.hype.pm.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Make, store and read Ed25519 keys with the JDK's EdDSA: a private key file holding its PKCS#8
 * encoding in base64 (readable by its owner only), and a public key written as the base64 of its
 * X.509 encoding, the form {@code trustedKeys} takes.
 */
public final class SigningKeys {
    private SigningKeys() {
    }

    /** The files of a new key pair, and the public key's id and text. */
    public record Generated(Path privateKeyFile, Path publicKeyFile, String keyid, String publicKey) { }

    /** Generate a key pair and write {@code NAME.key} and {@code NAME.pub} into {@code dir}. */
    public static Generated generate(Path dir, String name) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(name + ".key");
        Path publicFile = dir.resolve(name + ".pub");
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new SignatureException(SignatureException.E_KEY, privateFile + " or " + publicFile + " already exists",
                    List.of("choose another --name or directory; keys are never overwritten"), null);
        }
        String publicText = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        writeAtomically(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n", true);
        writeAtomically(publicFile, publicText + "\n", false);
        return new Generated(privateFile, publicFile, keyid(pair.getPublic()), publicText);
    }

    /** Read a private key file written by {@link #generate}. */
    public static PrivateKey readPrivateKey(Path file) {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new SignatureException(SignatureException.E_KEY, "cannot read the private key "
                    + dev.hype.runtime.ErrorText.of(e), List.of("make a key pair with 'hype pkg keygen'"), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureException(SignatureException.E_KEY, file + " is not an Ed25519 private key as "
                    + "'hype pkg keygen' writes it (the base64 of its PKCS#8 encoding)",
                    List.of("make a key pair with 'hype pkg keygen'"), e);
        }
    }

    /** Return the public half of a private key file, by reading its sibling {@code .pub} file. */
    public static PublicKey publicKeyBeside(Path privateKeyFile) {
        String file = privateKeyFile.getFileName().toString();
        Path pub = privateKeyFile.resolveSibling(file.replaceFirst("\\.key$", "") + ".pub");
        try {
            return parsePublicKey(Files.readString(pub, StandardCharsets.US_ASCII).strip(), pub.toString());
        } catch (IOException e) {
            throw new SignatureException(SignatureException.E_KEY, "cannot read " + pub + ", the public key of "
                    + privateKeyFile, List.of("keep the .pub file beside the .key file 'hype pkg keygen' wrote"), e);
        }
    }

    /** Parse a public key given as the base64 of its X.509 encoding; {@code where} names its source. */
    public static PublicKey parsePublicKey(String base64, String where) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureException(SignatureException.E_KEY, where + ": not an Ed25519 public key",
                    List.of("use the text of a .pub file written by 'hype pkg keygen'"), e);
        }
    }

    /** Return a public key's id: {@code SHA256:} and the base64 SHA-256 of its encoding. */
    public static String keyid(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: rely on the directory's permissions
                }
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
