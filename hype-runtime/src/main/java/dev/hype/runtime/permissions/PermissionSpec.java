package dev.hype.runtime.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Declare what a package may do at run time: the {@code permissions} object of {@code hype.json},
 * and the approval {@code hype-lock.json} records for it.
 *
 * @param read globs of paths the package may read: relative to the package, or anchored at
 *     {@code $CWD}, {@code $HOME} or {@code $TMP}
 * @param write globs of paths the package may write, anchored the same way
 * @param domains hosts the package may connect to; {@code *.example.com} matches every subdomain
 * @param ports ports it may connect to; when empty, only the URL scheme's default port
 * @param env names of environment variables it may read; a trailing {@code *} matches a prefix
 * @param process whether it may run programs
 * @param java class-name patterns it may use through {@code hype:java}: {@code *} matches within
 *     one package segment, {@code **} across segments
 * @param nativeCode whether it may load C modules and binary chunks ({@code native} in JSON)
 * @param unrestricted whether it may do everything, running as the project's own code does ({@code unrestricted}
 *     in JSON): what a LuaRocks rock asks for unless the project restricts it; a package's {@code hype.json}
 *     cannot ask for it
 */
public record PermissionSpec(List<String> read, List<String> write, List<String> domains, List<Integer> ports,
                             List<String> env, boolean process, List<String> java, boolean nativeCode,
                             boolean unrestricted) {
    /** No permission at all. */
    public static final PermissionSpec NONE = new PermissionSpec(List.of(), List.of(), List.of(), List.of(),
            List.of(), false, List.of(), false);
    /** Every permission: the code runs unchecked, as the project's own code does. */
    public static final PermissionSpec UNRESTRICTED = new PermissionSpec(List.of(), List.of(), List.of(), List.of(),
            List.of(), false, List.of(), false, true);

    /** Create a spec that lists what it grants (not unrestricted). */
    public PermissionSpec(List<String> read, List<String> write, List<String> domains, List<Integer> ports,
                          List<String> env, boolean process, List<String> java, boolean nativeCode) {
        this(read, write, domains, ports, env, process, java, nativeCode, false);
    }

    /** Copy the lists, dropping repeated entries. */
    public PermissionSpec {
        read = distinct(read);
        write = distinct(write);
        domains = distinct(domains);
        ports = distinct(ports);
        env = distinct(env);
        java = distinct(java);
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /**
     * Return whether this grants nothing: the same as {@code equals(NONE)}, field by field, because a record's
     * generated {@code equals} is bootstrapped on first use by spinning classes no AOT cache holds (~20 ms of
     * {@code pkg check} and of a warm install; docs/benchmarks.md).
     */
    public boolean isEmpty() {
        return read.isEmpty() && write.isEmpty() && domains.isEmpty() && ports.isEmpty() && env.isEmpty()
                && !process && java.isEmpty() && !nativeCode && !unrestricted;
    }

    /** Return the union of this and {@code other}. */
    public PermissionSpec plus(PermissionSpec other) {
        return new PermissionSpec(concat(read, other.read), concat(write, other.write), concat(domains, other.domains),
                concat(ports, other.ports), concat(env, other.env), process || other.process,
                concat(java, other.java), nativeCode || other.nativeCode, unrestricted || other.unrestricted);
    }

    /**
     * Return what this asks for that {@code approved} does not list: the entries to approve anew.
     * Entries compare as written, so a request that only repeats approved entries is covered.
     */
    public PermissionSpec beyond(PermissionSpec approved) {
        if (approved.unrestricted) {
            return NONE;
        }
        if (unrestricted) {
            return UNRESTRICTED;
        }
        return new PermissionSpec(minus(read, approved.read), minus(write, approved.write),
                minus(domains, approved.domains), minus(ports, approved.ports), minus(env, approved.env),
                process && !approved.process, minus(java, approved.java), nativeCode && !approved.nativeCode);
    }

    /**
     * Return one line per kind of permission asked for, as install shows them for approval. Entries come from
     * packages and may hold control characters: whatever prints these lines shows them through
     * {@link dev.hype.runtime.TerminalText}.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (unrestricted) {
            lines.add("unrestricted: everything, unchecked, as your own code runs");
        }
        if (!read.isEmpty()) {
            lines.add("read files: " + shown(read));
        }
        if (!write.isEmpty()) {
            lines.add("write files: " + shown(write));
        }
        if (!domains.isEmpty()) {
            lines.add("connect to: " + shown(domains)
                    + (ports.isEmpty() ? " (default ports)" : " on ports " + join(ports, String::valueOf)));
        } else if (!ports.isEmpty()) {
            lines.add("use ports: " + join(ports, String::valueOf) + " (but no domain)");
        }
        if (!env.isEmpty()) {
            lines.add("read environment variables: " + shown(env));
        }
        if (process) {
            lines.add("run programs");
        }
        if (!java.isEmpty()) {
            lines.add("use Java classes: " + shown(java));
        }
        if (nativeCode) {
            lines.add("load native code (C modules, binary chunks)");
        }
        return lines;
    }

    private static String shown(List<String> entries) {
        return String.join(", ", entries);
    }

    /** Return the {@code permissions} object as {@code hype.json} writes it, leaving out what is empty. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        if (!read.isEmpty() || !write.isEmpty()) {
            ObjectNode fs = out.putObject("filesystem");
            if (!read.isEmpty()) {
                strings(fs.putArray("read"), read);
            }
            if (!write.isEmpty()) {
                strings(fs.putArray("write"), write);
            }
        }
        if (!domains.isEmpty() || !ports.isEmpty()) {
            ObjectNode net = out.putObject("network");
            if (!domains.isEmpty()) {
                strings(net.putArray("domains"), domains);
            }
            if (!ports.isEmpty()) {
                ArrayNode array = net.putArray("ports");
                ports.forEach(array::add);
            }
        }
        if (!env.isEmpty()) {
            strings(out.putArray("env"), env);
        }
        if (process) {
            out.put("process", true);
        }
        if (!java.isEmpty()) {
            strings(out.putArray("java"), java);
        }
        if (nativeCode) {
            out.put("native", true);
        }
        if (unrestricted) {
            out.put("unrestricted", true);
        }
        return out;
    }

    /**
     * Read a {@code permissions} object (from a manifest or a lockfile's approval).
     *
     * @throws IllegalArgumentException naming the field, for anything that is not the schema
     */
    public static PermissionSpec fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("permissions: expected an object");
        }
        JsonNode fs = node.path("filesystem");
        JsonNode net = node.path("network");
        List<Integer> ports = new ArrayList<>();
        JsonNode portsNode = net.path("ports");
        if (!portsNode.isMissingNode() && !portsNode.isNull()) {
            if (!portsNode.isArray()) {
                throw new IllegalArgumentException("permissions.network.ports: expected an array of port numbers");
            }
            for (int i = 0; i < portsNode.size(); i++) {
                JsonNode port = portsNode.get(i);
                if (!port.isInt() || port.asInt() < 1 || port.asInt() > 65535) {
                    throw new IllegalArgumentException("permissions.network.ports[" + i + "]: expected a port number from 1 to 65535");
                }
                ports.add(port.asInt());
            }
        }
        return new PermissionSpec(strings(fs.path("read"), "permissions.filesystem.read"),
                strings(fs.path("write"), "permissions.filesystem.write"),
                strings(net.path("domains"), "permissions.network.domains"), ports,
                strings(node.path("env"), "permissions.env"), flag(node.path("process"), "permissions.process"),
                strings(node.path("java"), "permissions.java"), flag(node.path("native"), "permissions.native"),
                flag(node.path("unrestricted"), "permissions.unrestricted"));
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + ": expected an array of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isEmpty()) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a non-empty string");
            }
            out.add(node.get(i).asText());
        }
        return out;
    }

    private static boolean flag(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(field + ": expected true or false");
        }
        return node.asBoolean();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static <T> String join(List<T> values, Function<T, String> show) {
        return String.join(", ", values.stream().map(show).toList());
    }
}
