package dev.hype.cli;

import dev.hype.runtime.engine.EscapedBytes;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recover the bytes of the command-line arguments. The JVM decodes them with the platform's
 * charset, turning bytes that are not UTF-8 into U+FFFD; lua.c hands them to {@code arg} as they
 * are. On Linux the process's own {@code /proc/self/cmdline} still holds them: its last entries are
 * the arguments, and each is taken (as {@link EscapedBytes}) only when it decodes to the argument
 * the JVM gave, so nothing else can be mistaken for one.
 */
final class RawArguments {
    private RawArguments() {
    }

    /** Return {@code args} with the bytes the JVM could not decode restored, where they can be. */
    static String[] recover(String[] args) {
        boolean lossy = false;
        for (String arg : args) {
            lossy |= arg.indexOf('\uFFFD') >= 0;
        }
        if (!lossy) {
            return args;
        }
        List<byte[]> entries = cmdline();
        if (entries.size() < args.length) {
            return args;
        }
        Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), StandardCharsets.UTF_8);
        String[] out = args.clone();
        int offset = entries.size() - args.length;
        for (int i = 0; i < args.length; i++) {
            byte[] raw = entries.get(offset + i);
            if (!new String(raw, charset).equals(args[i])) {
                return args;
            }
            out[i] = EscapedBytes.decode(raw);
        }
        return out;
    }

    private static List<byte[]> cmdline() {
        List<byte[]> entries = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                entries.add(java.util.Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            entries.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return entries;
    }
}
