package dev.hype.pm.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check license expressions against a practical subset of SPDX: common license ids (with {@code +}),
 * {@code LicenseRef-*}, {@code AND}, {@code OR}, {@code WITH} an exception, and parentheses; plus npm's
 * {@code UNLICENSED} and {@code SEE LICENSE IN <file>}.
 */
final class SpdxExpression {
    static final Set<String> LICENSES = Set.of("0BSD", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later",
            "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
            "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-4.0",
            "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "ECL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2",
            "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "ISC",
            "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0",
            "LGPL-3.0-only", "LGPL-3.0-or-later", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MS-PL", "MS-RL", "MulanPSL-2.0",
            "NCSA", "ODbL-1.0", "OFL-1.1", "OSL-3.0", "PostgreSQL", "Python-2.0", "Ruby", "Unicode-DFS-2016",
            "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1");
    static final Set<String> EXCEPTIONS = Set.of("Classpath-exception-2.0", "GCC-exception-3.1",
            "LLVM-exception", "OpenJDK-assembly-exception-1.0", "Autoconf-exception-3.0", "Bison-exception-2.2");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9.+:-]+)");

    private final List<String> tokens;
    private int pos;

    private SpdxExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Return why the expression is not acceptable, or empty if it is. */
    static Optional<String> problem(String text) {
        if (text.equals("UNLICENSED") || text.startsWith("SEE LICENSE IN ")) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            end = m.end();
            m.region(end, text.length());
        }
        if (!text.substring(end).isBlank() || tokens.isEmpty()) {
            return Optional.of("\"" + text + "\" is not a valid SPDX license expression");
        }
        SpdxExpression parser = new SpdxExpression(tokens);
        try {
            parser.or();
            if (parser.pos != tokens.size()) {
                throw new IllegalArgumentException("unexpected \"" + tokens.get(parser.pos) + "\"");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("\"" + text + "\" is not a valid SPDX license expression (" + e.getMessage() + ")");
        }
    }

    private void or() {
        and();
        while (accept("OR")) {
            and();
        }
    }

    private void and() {
        with();
        while (accept("AND")) {
            with();
        }
    }

    private void with() {
        primary();
        if (accept("WITH")) {
            String exception = next();
            if (!EXCEPTIONS.contains(exception)) {
                throw new IllegalArgumentException("unknown license exception \"" + exception + "\"");
            }
        }
    }

    private void primary() {
        if (accept("(")) {
            or();
            if (!accept(")")) {
                throw new IllegalArgumentException("missing \")\"");
            }
            return;
        }
        String id = next();
        String base = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        if (!LICENSES.contains(base) && !base.startsWith("LicenseRef-") && !base.startsWith("DocumentRef-")) {
            throw new IllegalArgumentException("unknown license id \"" + id + "\"");
        }
    }

    private boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("expression ends too early");
        }
        return tokens.get(pos++);
    }
}
