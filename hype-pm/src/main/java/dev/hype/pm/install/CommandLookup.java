package dev.hype.pm.install;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tell whether a command name is already taken, so that a package's bin never shadows it: a shell keyword or built-in
 * command, or an executable file in a {@code PATH} directory (other than a {@code hype_modules/.bin}).
 */
final class CommandLookup {
    /** The keywords and built-ins of POSIX sh, bash and cmd.exe that a file of the same name would shadow elsewhere. */
    private static final Set<String> SHELL = Set.of("alias", "bg", "break", "case", "cd", "command", "continue",
            "do", "done", "echo", "elif", "else", "esac", "eval", "exec", "exit", "export", "false", "fc", "fg", "fi",
            "for", "function", "getopts", "hash", "if", "in", "jobs", "kill", "local", "printf", "pwd", "read",
            "readonly", "return", "select", "set", "shift", "source", "test", "then", "time", "times", "trap", "true",
            "type", "ulimit", "umask", "unalias", "unset", "until", "wait", "while", "builtin", "declare", "enable",
            "let", "logout", "mapfile", "popd", "pushd", "shopt", "typeset", "call", "cls", "copy", "del", "dir",
            "erase", "md", "mkdir", "move", "rd", "ren", "rename", "rmdir", "start", "title", "ver", "vol");

    private final List<Path> directories;
    private final List<String> extensions;

    private CommandLookup(List<Path> directories, List<String> extensions) {
        this.directories = List.copyOf(directories);
        this.extensions = List.copyOf(extensions);
    }

    /** Return the lookup of this process: its {@code PATH}, and on Windows its {@code PATHEXT}. */
    static CommandLookup system() {
        return of(System.getenv());
    }

    /** Return the lookup the environment {@code env} describes. */
    static CommandLookup of(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                Path dir = Path.of(entry);
                if (!isBinDirectory(dir)) {
                    dirs.add(dir);
                }
            } catch (InvalidPathException e) {
                // not a directory any shell would search
            }
        }
        List<String> extensions = new ArrayList<>(List.of(""));
        if (File.separatorChar == '\\') {
            for (String ext : env.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").split(";")) {
                extensions.add(ext.toLowerCase(Locale.ROOT));
            }
        }
        return new CommandLookup(dirs, extensions);
    }

    private static boolean isBinDirectory(Path dir) {
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        return name != null && name.toString().equals(InstalledTree.BIN) && parent != null
                && parent.getFileName() != null && parent.getFileName().toString().equals(InstalledTree.DIRECTORY);
    }

    /** Return what {@code name} already names: {@code a shell command}, or the file found on PATH; empty when free. */
    Optional<String> existing(String name) {
        if (SHELL.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("a shell command");
        }
        for (Path dir : directories) {
            for (String ext : extensions) {
                Path candidate = dir.resolve(name + ext);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
