package dev.hype.pm.manifest;

import java.util.List;

/**
 * Declare what a package may do at run time.
 *
 * @param filesystemRead globs of paths the package may read
 * @param filesystemWrite globs of paths the package may write
 * @param networkDomains domains the package may connect to ({@code *.example.com} allowed)
 * @param networkPorts ports the package may connect to or listen on
 * @param env environment variables the package may read
 * @param process whether the package may start processes
 * @param java whether the package may call Java classes
 * @param nativeCode whether the package may load native libraries ({@code native} in JSON)
 */
public record Permissions(List<String> filesystemRead, List<String> filesystemWrite, List<String> networkDomains,
                          List<Integer> networkPorts, List<String> env, boolean process, boolean java,
                          boolean nativeCode) {
    /** No permission at all. */
    public static final Permissions NONE = new Permissions(List.of(), List.of(), List.of(), List.of(), List.of(),
            false, false, false);

    /** Copy the lists. */
    public Permissions {
        filesystemRead = List.copyOf(filesystemRead);
        filesystemWrite = List.copyOf(filesystemWrite);
        networkDomains = List.copyOf(networkDomains);
        networkPorts = List.copyOf(networkPorts);
        env = List.copyOf(env);
    }
}
