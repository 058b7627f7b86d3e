package dev.hype.runtime.interop;

import java.math.BigDecimal;
import java.math.MathContext;

/** Say why a Lua value does not convert to a Java type: {@code int expected, got string}. */
final class ConversionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConversionError(String reason) {
        super(reason, null, false, false);
    }

    /** Return the error {@code <type> expected, got <what the argument is>}. */
    static ConversionError expected(Class<?> type, Argument got) {
        return new ConversionError(type.getTypeName() + " expected, got " + got.describe());
    }

    /** Format a float as Lua's {@code tostring} does ({@code %.14g}, with {@code .0} on integral values). */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return d < 0 || Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(14)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 14) {
            String digits = rounded.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
