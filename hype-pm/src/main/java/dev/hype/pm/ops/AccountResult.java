package dev.hype.pm.ops;

import java.net.URI;
import java.nio.file.Path;

/**
 * Tell the outcome of an account command.
 *
 * @param user the user logged in (or asked about), or {@code null} after a logout
 * @param registry the registry
 * @param configFile the config file the token was written to or removed from, or {@code null} when none was
 */
public record AccountResult(String user, URI registry, Path configFile) {
}
