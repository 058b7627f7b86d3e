package dev.hype.pm.ops;

import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;

/**
 * List, add and remove the owners (maintainers) of a published package, with {@code npm owner}'s semantics: only an
 * owner changes the list, a user must exist on the registry to be added, and the last owner cannot be removed.
 */
public final class OwnerOperation {
    /** Code of a user the registry does not know. */
    public static final String NO_SUCH_USER = "E_NO_SUCH_USER";
    /** Code of a removal that would leave a package without owners. */
    public static final String LAST_OWNER = "E_LAST_OWNER";

    private OwnerOperation() {
    }

    /** Return the owners of {@code name}. */
    public static List<String> list(String name, RegistryClient client) {
        return client.owners(PackageName.require(name, "argument '" + name + "'"));
    }

    /** Make {@code user} an owner of {@code name}; return false when it already was one. */
    public static boolean add(String name, String user, RegistryClient client) {
        List<String> owners = list(name, client);
        if (owners.contains(user)) {
            return false;
        }
        if (!client.userExists(name, user)) {
            throw new OperationException(NO_SUCH_USER, "user '" + user + "' is not known to " + client.registryFor(name),
                    List.of("a user exists once they have a token ('hype registry token create " + user
                            + "' on the registry host) or an account"));
        }
        List<String> next = new ArrayList<>(owners);
        next.add(user);
        client.setOwners(name, next);
        return true;
    }

    /** Remove {@code user} from the owners of {@code name}; return false when it was not one. */
    public static boolean remove(String name, String user, RegistryClient client) {
        List<String> owners = list(name, client);
        if (!owners.contains(user)) {
            return false;
        }
        List<String> next = new ArrayList<>(owners);
        next.remove(user);
        if (next.isEmpty()) {
            throw new OperationException(LAST_OWNER, user + " is the only owner of " + name,
                    List.of("add another owner first: hype pkg owner add USER " + name));
        }
        client.setOwners(name, next);
        return true;
    }
}
