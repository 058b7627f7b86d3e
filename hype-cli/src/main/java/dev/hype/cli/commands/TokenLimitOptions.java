package dev.hype.cli.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The limits a new token may carry, as npm's {@code token create} takes them: read-only, and address ranges. */
final class TokenLimitOptions {
    @Option(names = "--read-only", description = "The token may read (and install from a private registry) but "
            + "never publish or change anything.")
    boolean readOnly;

    @Option(names = "--cidr", split = ",", paramLabel = "RANGE", description = "Accept the token only from these "
            + "address ranges (such as 10.0.0.0/8,192.168.1.7).")
    List<String> cidrs = new ArrayList<>();
}
