package dev.hype.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Check path arguments when they are parsed, so that a file given where a directory belongs (or the
 * reverse) is a usage error naming the argument, never an I/O failure halfway through a command.
 */
public final class PathArguments {
    private PathArguments() {
    }

    /** A directory that must exist: {@code -C DIR}. */
    public static final class ExistingDirectory implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = parse(value);
            if (!Files.exists(path)) {
                throw new TypeConversionException("no such directory: " + value);
            }
            if (!Files.isDirectory(path)) {
                throw new TypeConversionException(value + " is not a directory");
            }
            return path;
        }
    }

    /** A directory to write into, created when missing: it must not be an existing file. */
    public static final class OutputDirectory implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = parse(value);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new TypeConversionException(value + " is a file, not a directory");
            }
            checkParents(path, value);
            return path;
        }
    }

    /** A file to write, its folders created when missing: it must not be an existing directory. */
    public static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = parse(value);
            if (Files.isDirectory(path) || value.endsWith("/")) {
                throw new TypeConversionException(value + " is a directory; give the name of a file to write");
            }
            checkParents(path.toAbsolutePath().getParent(), value);
            return path;
        }
    }

    /** A file that must exist and be readable. */
    public static final class InputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = parse(value);
            if (!Files.exists(path)) {
                throw new TypeConversionException("no such file: " + value);
            }
            if (Files.isDirectory(path)) {
                throw new TypeConversionException(value + " is a directory, not a file");
            }
            return path;
        }
    }

    /** A TCP port: 0 (any free port) to 65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a port number");
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException(value + " is not a port: use 1 to 65535, or 0 for any free port");
            }
            return port;
        }
    }

    private static Path parse(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("the path is empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
        }
    }

    /** Fail when a folder on the way to {@code directory} is an existing file, so it could never be created. */
    private static void checkParents(Path directory, String value) {
        for (Path d = directory == null ? null : directory.toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d)) {
                if (!Files.isDirectory(d)) {
                    throw new TypeConversionException("cannot create " + value + ": " + d + " is a file");
                }
                return;
            }
        }
    }
}
