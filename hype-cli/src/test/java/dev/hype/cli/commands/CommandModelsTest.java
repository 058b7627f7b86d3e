package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The models built in code ({@link CommandModels}) against the same commands read from their annotations. */
class CommandModelsTest {
    private static final List<Class<?>> BUILT = List.of(PkgCommand.class, ListCommand.class, CheckCommand.class,
            InfoCommand.class, InstallCommand.class, CiCommand.class);

    @TempDir
    Path temp;

    @Test
    void eachModelHasTheHelpTextAndArgumentsOfItsAnnotations() {
        for (Class<?> type : BUILT) {
            CommandSpec code = CommandModels.of(type);
            CommandSpec annotated = new CommandLine(type).getCommandSpec();
            assertThat(code).as(type.getSimpleName()).isNotNull();
            assertThat(code.userObject()).isInstanceOf(type);
            assertThat(code.name()).isEqualTo(annotated.name());
            assertThat(code.aliases()).containsExactly(annotated.aliases());
            assertThat(code.mixinStandardHelpOptions()).isEqualTo(annotated.mixinStandardHelpOptions());
            assertThat(describe(code.options())).as(type.getSimpleName()).isEqualTo(describe(annotated.options()));
            assertThat(describe(code.positionalParameters())).as(type.getSimpleName())
                    .isEqualTo(describe(annotated.positionalParameters()));
            assertThat(usage(code)).as(type.getSimpleName()).isEqualTo(usage(annotated));
        }
    }

    @Test
    void otherCommandsAreReadFromTheirAnnotations() {
        assertThat(CommandModels.of(TreeCommand.class)).isNull();
        assertThat(CommandModels.of(UpdateCommand.class)).isNull();
    }

    @Test
    void eachModelParsesArgumentsIntoTheSameValuesAsItsAnnotations() {
        String dir = temp.toString();
        assertSameValues(ListCommand.class, "--json", "--outdated", "-C", dir, "--registry", "http://localhost:1",
                "--rocks-server", "file:a", "--rocks-server=file:b");
        assertSameValues(ListCommand.class);
        assertSameValues(CheckCommand.class, "--json", "--dir=" + dir, "--store-dir", temp.resolve("store").toString());
        assertSameValues(CheckCommand.class);
        assertSameValues(InfoCommand.class, "left-pad@^1", "--json", "--registry=file:./r");
        assertSameValues(InfoCommand.class, "rocks:lpeg", "--rocks-server", "file:x");
    }

    @Test
    void badArgumentsFailAsWithTheAnnotations() {
        for (List<String> args : List.of(List.of("--bogus"), List.of("-C", temp.resolve("missing").toString()),
                List.of("--store-dir"), List.of("extra"))) {
            String expected = failure(new CommandLine(CheckCommand.class), args);
            assertThat(failure(new CommandLine(CommandModels.of(CheckCommand.class)), args)).as(args.toString())
                    .isEqualTo(expected).isNotEmpty();
        }
        for (List<String> args : List.of(List.<String>of(), List.of("a", "b"))) {
            String expected = failure(new CommandLine(InfoCommand.class), args);
            assertThat(failure(new CommandLine(CommandModels.of(InfoCommand.class)), args)).as(args.toString())
                    .isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void theCommandsReadTheParsedValues() {
        CommandSpec check = CommandModels.of(CheckCommand.class);
        new CommandLine(check).parseArgs("-C", temp.toString(), "--store-dir", temp.resolve("store").toString());
        CheckCommand command = (CheckCommand) check.userObject();
        assertThat(command).extracting("project").extracting(p -> ((ProjectOptions) p).start()).isEqualTo(temp);
        assertThat(command).extracting("project").extracting(p -> ((ProjectOptions) p).store())
                .isEqualTo(temp.resolve("store"));

        CommandSpec list = CommandModels.of(ListCommand.class);
        new CommandLine(list).parseArgs("--rocks-server", "file:a", "--rocks-server", "file:b", "--registry", "file:r");
        ListCommand listCommand = (ListCommand) list.userObject();
        assertThat(listCommand).extracting("rocks").extracting(r -> ((RocksOptions) r).servers)
                .isEqualTo(List.of("file:a", "file:b"));
        assertThat(listCommand).extracting("registry").extracting(r -> ((RegistryOptions) r).registry).isEqualTo("file:r");
        assertThat(listCommand).extracting("spec").isSameAs(list);
    }

    @Test
    void installAndCiParseArgumentsIntoTheSameValuesAsTheirAnnotations() throws Exception {
        String dir = temp.toString();
        Path index = java.nio.file.Files.writeString(temp.resolve("index.json"), "{}");
        assertSameValues(InstallCommand.class);
        assertSameValues(InstallCommand.class, "left-pad@^1", "rocks:lpeg", "-D", "-O", "-E", "--frozen", "--force",
                "--offline", "--production", "-F", "a,b", "--features=c", "--no-default-features", "--all-features",
                "--dry-run", "--json", "--allow-permissions", "-C", dir, "--store-dir", temp.resolve("s").toString(),
                "--index", index.toString(), "--registry", "file:r", "--rocks-server", "file:a");
        assertSameValues(InstallCommand.class, "--dev", "--optional", "--exact", "--dir=" + dir, "a", "b");
        assertSameValues(CiCommand.class);
        assertSameValues(CiCommand.class, "--offline", "--production", "-F", "x", "--dry-run", "--json",
                "--allow-permissions", "-C", dir, "--store-dir=" + dir, "--registry=file:r", "--rocks-server=file:b");
    }

    @Test
    void installAndCiFailAsWithTheirAnnotations() {
        for (Class<?> type : List.of(InstallCommand.class, CiCommand.class)) {
            for (List<String> args : List.of(List.of("--bogus"), List.of("-C", temp.resolve("missing").toString()),
                    List.of("--index", temp.resolve("missing.json").toString()), List.of("--index", temp.toString()),
                    List.of("--store-dir"), List.of("-F"), List.of("--registry"), List.of("--offline=maybe"))) {
                String expected = failure(new CommandLine(type), args);
                assertThat(failure(new CommandLine(CommandModels.of(type)), args)).as(type.getSimpleName() + args)
                        .isEqualTo(expected).isNotEmpty();
            }
        }
        assertThat(failure(new CommandLine(CommandModels.of(CiCommand.class)), List.of("extra")))
                .isEqualTo(failure(new CommandLine(CiCommand.class), List.of("extra"))).isNotEmpty();
        // A flag given a value (--json=maybe) is refused with the annotations' message, in every model built in code.
        assertThat(failure(new CommandLine(CommandModels.of(CheckCommand.class)), List.of("--json=maybe")))
                .isEqualTo(failure(new CommandLine(CheckCommand.class), List.of("--json=maybe"))).isNotEmpty();
        assertThat(values(parsed(CommandModels.of(ListCommand.class), "--json=true")))
                .isEqualTo(values(parsed(new CommandLine(ListCommand.class).getCommandSpec(), "--json=true")));
    }

    @Test
    void installReadsTheParsedValues() {
        CommandSpec spec = CommandModels.of(InstallCommand.class);
        new CommandLine(spec).parseArgs("a", "b@^2", "-F", "x,y", "--offline", "-C", temp.toString(), "--registry",
                "file:r", "--rocks-server", "file:k");
        InstallCommand command = (InstallCommand) spec.userObject();
        assertThat(command).extracting("packages").isEqualTo(List.of("a", "b@^2"));
        assertThat(command).extracting("switches").extracting(s -> ((InstallSwitches) s).offline).isEqualTo(true);
        assertThat(command).extracting("switches").extracting(s -> ((InstallSwitches) s).features)
                .extracting("features").isEqualTo(List.of("x", "y"));
        assertThat(command).extracting("project").extracting(p -> ((ProjectOptions) p).start()).isEqualTo(temp);
        assertThat(command).extracting("source").extracting("registry")
                .extracting(r -> ((RegistryOptions) r).registry).isEqualTo("file:r");
        assertThat(command).extracting("source").extracting("rocks")
                .extracting(r -> ((RocksOptions) r).servers).isEqualTo(List.of("file:k"));
        assertThat(command).extracting("spec").isSameAs(spec);
    }

    private static void assertSameValues(Class<?> type, String... args) {
        CommandSpec code = CommandModels.of(type);
        CommandSpec annotated = new CommandLine(type).getCommandSpec();
        new CommandLine(code).parseArgs(args);
        new CommandLine(annotated).parseArgs(args);
        assertThat(values(code)).as(type.getSimpleName() + " " + List.of(args)).isEqualTo(values(annotated));
    }

    private static CommandSpec parsed(CommandSpec spec, String... args) {
        new CommandLine(spec).parseArgs(args);
        return spec;
    }

    private static List<String> values(CommandSpec spec) {
        return spec.args().stream().map(arg -> arg.paramLabel() + (arg.isOption() ? ((OptionSpec) arg).longestName() : "")
                + "=" + arg.getValue()).sorted().toList();
    }

    private static String failure(CommandLine cli, List<String> args) {
        try {
            cli.parseArgs(args.toArray(String[]::new));
            return "";
        } catch (CommandLine.ParameterException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static <T extends ArgSpec> List<String> describe(List<T> args) {
        Function<ArgSpec, String> text = arg -> String.join("|", arg instanceof OptionSpec option ? option.names()
                : new String[] {((PositionalParamSpec) arg).index().toString()})
                + " label=" + arg.paramLabel() + " arity=" + arg.arity() + " type=" + arg.type().getName()
                + " aux=" + List.of(arg.auxiliaryTypes()) + " required=" + arg.required()
                + " help=" + (arg instanceof OptionSpec option ? option.usageHelp() + "/" + option.versionHelp() : "")
                + " converters=" + List.of(arg.converters()).stream().map(c -> c.getClass().getName()).toList()
                + " initial=" + arg.initialValue() + " description=" + List.of(arg.description())
                + " descriptionKey=" + arg.descriptionKey() + " split=" + arg.splitRegex() + " hidden=" + arg.hidden();
        return args.stream().map(text).toList();
    }

    private static String usage(CommandSpec spec) {
        StringWriter text = new StringWriter();
        new CommandLine(spec).usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }
}
