package dev.hype.pm.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Sign and check a published version: an Ed25519 signature over {@code name@version:integrity},
 * the message npm's registry signatures cover, stored in the version's {@code dist.signatures} as
 * {@code {"keyid": "SHA256:...", "sig": "<base64>"}}.
 *
 * @param keyid the id of the key that signed: {@code SHA256:} and the base64 SHA-256 of its public key
 * @param sig   the signature, base64
 */
public record PackageSignature(String keyid, String sig) {

    /** Return the message a signature covers. */
    public static byte[] message(String name, String version, String integrity) {
        return (name + "@" + version + ":" + integrity).getBytes(StandardCharsets.UTF_8);
    }

    /** Sign {@code name@version:integrity} with {@code key}, whose public half has id {@code keyid}. */
    public static PackageSignature sign(String name, String version, String integrity, PrivateKey key, String keyid) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message(name, version, integrity));
            return new PackageSignature(keyid, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new SignatureException(SignatureException.E_KEY, "cannot sign with this key: it is not a usable Ed25519 private key",
                    java.util.List.of("make a key pair with 'hype pkg keygen'"), e);
        }
    }

    /** Return whether this signature is {@code key}'s over {@code name@version:integrity}. */
    public boolean verifies(String name, String version, String integrity, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message(name, version, integrity));
            return verifier.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
