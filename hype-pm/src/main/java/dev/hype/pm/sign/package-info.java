/**
 * Ed25519 package signatures: key pairs, signatures over a version's integrity, and the trusted
 * keys that make {@code hype pkg install} require them.
 */
package dev.hype.pm.sign;
