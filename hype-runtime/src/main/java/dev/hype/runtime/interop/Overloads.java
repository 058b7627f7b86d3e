package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;

/**
 * Choose among a method's or constructor's overloads by argument count and convertibility, as
 * Java's compiler does in spirit: fixed-arity candidates first, then variable-arity ones, each
 * first without and then with floats passed as integers ({@link Coercion#cost}); among
 * the applicable, the one that fits every argument at least as well as each other candidate and
 * better in one (or with more specific parameter types). No single best one is an error that lists
 * the candidates.
 */
final class Overloads {
    /** An executable and whether the arguments from its last parameter on are gathered into its array. */
    record Choice(Executable executable, boolean spread) {
    }

    private final Coercion coercion;

    Overloads(Coercion coercion) {
        this.coercion = coercion;
    }

    /**
     * Choose the candidate for {@code args} among {@code candidates} (not empty); {@code callee}
     * names the call in errors, such as {@code java.lang.Math.max} or {@code java.util.ArrayList.new}.
     */
    Choice choose(LuaStack s, String callee, List<? extends Executable> candidates, List<Argument> args) {
        for (boolean spread : new boolean[] {false, true}) {
            for (boolean loose : new boolean[] {false, true}) {
                Choice choice = best(callee, candidates, args, spread, loose);
                if (choice != null) {
                    return choice;
                }
            }
        }
        throw noMatch(s, callee, candidates, args);
    }

    /** Convert {@code args} for the chosen executable; a value that does not fit is a bad argument. */
    Object[] arguments(LuaStack s, String callee, Choice choice, List<Argument> args) {
        Class<?>[] params = choice.executable().getParameterTypes();
        Object[] out = new Object[params.length];
        int fixed = choice.spread() ? params.length - 1 : params.length;
        for (int i = 0; i < fixed; i++) {
            out[i] = convert(s, callee, args, i, params[i]);
        }
        if (choice.spread()) {
            Class<?> component = params[fixed].getComponentType();
            Object rest = Array.newInstance(component, args.size() - fixed);
            for (int i = fixed; i < args.size(); i++) {
                Array.set(rest, i - fixed, convert(s, callee, args, i, component));
            }
            out[fixed] = rest;
        }
        return out;
    }

    private Object convert(LuaStack s, String callee, List<Argument> args, int i, Class<?> type) {
        try {
            return coercion.convert(s, args.get(i), type);
        } catch (ConversionError e) {
            throw LuaError.badArgument(i + 1, callee, e.getMessage());
        }
    }

    private Choice best(String callee, List<? extends Executable> candidates, List<Argument> args, boolean spread,
                        boolean loose) {
        List<Executable> applicable = new ArrayList<>();
        List<int[]> costs = new ArrayList<>();
        for (Executable e : candidates) {
            int[] c = costs(e, args, spread, loose);
            if (c != null) {
                applicable.add(e);
                costs.add(c);
            }
        }
        if (applicable.isEmpty()) {
            return null;
        }
        List<Executable> unbeaten = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            boolean beatsAll = true;
            boolean beaten = false;
            for (int j = 0; j < applicable.size(); j++) {
                if (i != j) {
                    beatsAll &= beats(applicable.get(i), costs.get(i), applicable.get(j), costs.get(j), args.size(), spread);
                    beaten |= beats(applicable.get(j), costs.get(j), applicable.get(i), costs.get(i), args.size(), spread);
                }
            }
            if (beatsAll) {
                return new Choice(applicable.get(i), spread);
            }
            if (!beaten) {
                unbeaten.add(applicable.get(i));
            }
        }
        throw new LuaError("ambiguous call to " + callee + " with " + describe(args) + "; candidates: "
                + list(unbeaten));
    }

    /** Return the cost of each argument, or null when the candidate does not apply. */
    private int[] costs(Executable e, List<Argument> args, boolean spread, boolean loose) {
        Class<?>[] params = e.getParameterTypes();
        if (spread ? !e.isVarArgs() || args.size() < params.length - 1 : args.size() != params.length) {
            return null;
        }
        int[] out = new int[args.size()];
        for (int i = 0; i < args.size(); i++) {
            out[i] = coercion.cost(args.get(i), parameter(params, i, spread), loose);
            if (out[i] == Coercion.NO) {
                return null;
            }
        }
        return out;
    }

    private static Class<?> parameter(Class<?>[] params, int i, boolean spread) {
        return spread && i >= params.length - 1 ? params[params.length - 1].getComponentType() : params[i];
    }

    private static boolean beats(Executable a, int[] aCosts, Executable b, int[] bCosts, int n, boolean spread) {
        boolean cheaper = false;
        for (int i = 0; i < n; i++) {
            if (aCosts[i] > bCosts[i]) {
                return false;
            }
            cheaper |= aCosts[i] < bCosts[i];
        }
        return cheaper || moreSpecific(a, b, n, spread);
    }

    private static boolean moreSpecific(Executable a, Executable b, int n, boolean spread) {
        Class<?>[] ap = a.getParameterTypes();
        Class<?>[] bp = b.getParameterTypes();
        boolean differs = false;
        for (int i = 0; i < n; i++) {
            Class<?> at = parameter(ap, i, spread);
            Class<?> bt = parameter(bp, i, spread);
            if (!bt.isAssignableFrom(at)) {
                return false;
            }
            differs |= at != bt;
        }
        return differs;
    }

    private LuaError noMatch(LuaStack s, String callee, List<? extends Executable> candidates, List<Argument> args) {
        String what = callee.endsWith(".new") ? "no constructor of " + callee.substring(0, callee.length() - 4)
                : "no overload of " + callee;
        List<Executable> sized = candidates.stream().filter(e -> takes(e, args.size())).map(e -> (Executable) e).toList();
        if (sized.isEmpty()) {
            return new LuaError(what + " takes " + args.size() + (args.size() == 1 ? " argument" : " arguments")
                    + "; candidates: " + list(candidates));
        }
        if (sized.size() == 1) {
            Executable only = sized.getFirst();
            boolean spread = only.getParameterCount() != args.size();
            arguments(s, callee, new Choice(only, spread), args);
        }
        return new LuaError(what + " matches " + describe(args) + "; candidates: " + list(candidates));
    }

    private static boolean takes(Executable e, int count) {
        return e.getParameterCount() == count || e.isVarArgs() && count >= e.getParameterCount() - 1;
    }

    private static String describe(List<Argument> args) {
        return "(" + String.join(", ", args.stream().map(Argument::describe).toList()) + ")";
    }

    private static String list(List<? extends Executable> executables) {
        return String.join(", ", executables.stream().map(ClassMembers::signature).sorted().toList());
    }
}
