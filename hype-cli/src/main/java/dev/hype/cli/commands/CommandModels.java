package dev.hype.cli.commands;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli models of the commands whose start-up counts most ({@code pkg}, {@code pkg list},
 * {@code pkg check}, {@code pkg info}, {@code pkg install} and {@code pkg ci}), built in code instead of read from
 * their annotations.
 *
 * <p>Reading annotations makes the JDK generate a proxy class for each annotation type, and picocli
 * then reads every attribute through them, all interpreted: for one command that costs more
 * start-up time than the JVM's own start (docs/benchmarks.md, issue 17). The annotations stay the
 * reference: {@code hype pkg --help} lists the other commands from theirs, and
 * {@code CommandModelsTest} checks that each model built here gives the same help text and parses
 * the same arguments into the same values.
 */
public final class CommandModels {
    /** The description of {@code --json} where it prints the result as JSON. */
    static final String JSON = "Print the result as JSON.";

    private CommandModels() {
    }

    /** Return a new model of a command of {@code type} built in code, or null if it is read from its annotations. */
    public static CommandSpec of(Class<?> type) {
        // pkg install (i, add) and pkg ci (clean-install): a no-op install starts as fast as pkg list.
        if (type == InstallCommand.class || type == CiCommand.class) {
            return type == InstallCommand.class ? new InstallCommand().model() : new CiCommand().model();
        }
        if (type == PkgCommand.class) {
            CommandSpec pkg = command(new PkgCommand(), "pkg");
            pkg.usageMessage().synopsisSubcommandLabel("COMMAND").description(PkgCommand.DESCRIPTION);
            return withHelpOptions(pkg);
        } else if (type == ListCommand.class) {
            return new ListCommand().model();
        } else if (type == CheckCommand.class) {
            return new CheckCommand().model();
        } else if (type == InfoCommand.class) {
            return new InfoCommand().model();
        }
        return null;
    }

    /** Return a model of {@code command} named {@code name} and {@code aliases}, without options yet. */
    static CommandSpec command(Object command, String name, String... aliases) {
        return CommandSpec.wrapWithoutInspection(command).name(name).aliases(aliases);
    }

    /** Add {@code -h, --help} and {@code -V, --version} as {@code mixinStandardHelpOptions = true} does, last. */
    static CommandSpec withHelpOptions(CommandSpec spec) {
        boolean[] requested = new boolean[2];
        CommandSpec mixin = CommandSpec.create()
                .addOption(flag("helpRequested", () -> requested[0], value -> requested[0] = value, "-h", "--help")
                        .usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                        .description("Show this help message and exit.").build())
                .addOption(flag("versionRequested", () -> requested[1], value -> requested[1] = value, "-V", "--version")
                        .versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                        .description("Print version information and exit.").build());
        return spec.addMixin("mixinStandardHelpOptions", mixin);
    }

    /** Start an option bound to a field through {@code get} and {@code set}, with the field's value as its initial value. */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        Binding<T> binding = new Binding<>(type, get, set);
        return OptionSpec.builder(names).type(type).getter(binding).setter(binding)
                .initialValue(get.get()).hasInitialValue(true).descriptionKey("");
    }

    /** Start a boolean flag bound to the field {@code field}. */
    static OptionSpec.Builder flag(String field, Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
        return option(boolean.class, get, set, names).paramLabel("<" + field + ">");
    }

    /** Start a repeatable option of strings bound to a list field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static OptionSpec.Builder strings(Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
        return option((Class<List<String>>) (Class) List.class, get, set, names).auxiliaryTypes(String.class);
    }

    /** Start a positional parameter bound to a field. */
    static <T> PositionalParamSpec.Builder positional(Class<T> type, Supplier<T> get, Consumer<T> set) {
        Binding<T> binding = new Binding<>(type, get, set);
        return PositionalParamSpec.builder().type(type).getter(binding).setter(binding)
                .initialValue(get.get()).hasInitialValue(true).descriptionKey("");
    }

    /** A field as picocli sees it: read and written through two functions. */
    private record Binding<T>(Class<T> type, Supplier<T> getter, Consumer<T> setter) implements IGetter, ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) getter.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            V previous = get();
            setter.accept(type.isPrimitive() ? (T) value : type.cast(value));
            return previous;
        }
    }
}
