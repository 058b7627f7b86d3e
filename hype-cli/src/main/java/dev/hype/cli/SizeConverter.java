package dev.hype.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Convert sizes such as {@code 64m}, {@code 1g}, {@code 512k} or {@code 1000000} to bytes. */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("b")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty()) {
            switch (text.charAt(text.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit > 1) {
                text = text.substring(0, text.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(text);
            if (n <= 0) {
                throw new CommandLine.TypeConversionException("size must be positive: '" + value + "'");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (examples: 64m, 1g, 512k)");
        }
    }
}
