package dev.hype.pm.rocks.server;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.RockException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * Read one LuaRocks server: an {@code http(s)://} URL or a folder laid out as {@code luarocks-admin make_manifest}
 * lays one out ({@code manifest}, {@code manifest-5.4}, their {@code .zip} forms, {@code NAME-VERSION.rockspec},
 * {@code NAME-VERSION.src.rock}, {@code NAME-VERSION.all.rock}). Implementations are thread-safe.
 */
public interface RockServer {
    /** The manifest files a client asks for, in LuaRocks' order: the Lua 5.4 one zipped, then plain, then any. */
    List<String> MANIFESTS = List.of("manifest-5.4.zip", "manifest-5.4", "manifest.zip", "manifest");
    /** The manifest of every Lua version, zipped then plain. */
    List<String> ALL_MANIFESTS = List.of("manifest.zip", "manifest");

    /** Return the server's URL as configured. */
    URI url();

    /** Return the URL of a file on the server, such as {@code penlight-1.14.0-3.src.rock}. */
    URI fileUrl(String fileName);

    /**
     * Return a file of the server, or empty when the server does not have it.
     *
     * @throws RockException {@link RockException#E_ROCK_SERVER} when the server cannot be reached or fails
     */
    Optional<byte[]> file(String fileName);

    /**
     * Return the server's manifest, read once: the first of {@link #MANIFESTS} it has.
     *
     * @throws RockException {@link RockException#E_ROCK_SERVER} when it has none, {@link RockException#E_ROCKSPEC}
     *     when it cannot be read
     */
    RockManifest manifest();

    /**
     * Return the manifest of every Lua version ({@code manifest}), read once: it also lists the versions
     * {@code luarocks-admin} left out of {@code manifest-5.4} because their rockspecs want another Lua.
     */
    RockManifest allManifest();

    /**
     * Open a server: a folder for {@code file:} URLs, else HTTP over {@code http}, with manifests cached in
     * {@code options.cacheDirectory()} and revalidated.
     */
    static RockServer open(URI url, ClientOptions options, HttpClient http) {
        return "file".equalsIgnoreCase(url.getScheme()) ? new FolderRockServer(url)
                : new HttpRockServer(url, options, http);
    }
}
