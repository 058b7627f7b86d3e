package dev.hype.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a page's blocks and directives become steps; no launcher involved. */
class DocPageTest {

    private static List<DocStep> steps(String markdown) {
        return DocPage.parse("page.md", markdown).steps();
    }

    @Test
    void luaAndShBlocksRunAndOtherBlocksDoNot() {
        List<DocStep> steps = steps("""
                # Title

                ```lua
                print(1)
                ```

                ```json
                {"a": 1}
                ```

                ```
                hype --help
                ```

                ```bash
                hype --version
                ```
                """);

        assertThat(steps).containsExactly(
                new DocStep.Example(3, "lua", "print(1)\n", DocOptions.DEFAULT, false),
                new DocStep.Example(15, "sh", "hype --version\n", DocOptions.DEFAULT, false));
    }

    @Test
    void directivesApplyToTheNextBlockAndHiddenOnesCarryTheirText() {
        List<DocStep> steps = steps("""
                <!-- doc: file lib/a.lua
                return 1
                -->
                <!-- doc: file hype.json -->

                ```json
                {"name": "x"}
                ```
                <!-- doc: exit=1 registry -->
                ```sh
                hype pkg info nope
                ```
                <!-- doc: output stderr lines -->
                ```
                error: nope
                ```
                <!-- doc: skip needs a terminal -->
                ```sh
                hype
                ```
                """);

        assertThat(steps).hasSize(5);
        assertThat(steps.get(0)).isEqualTo(new DocStep.WriteFile(1, "lib/a.lua", "return 1\n"));
        assertThat(steps.get(1)).isEqualTo(new DocStep.WriteFile(6, "hype.json", "{\"name\": \"x\"}\n"));
        DocStep.Example example = (DocStep.Example) steps.get(2);
        assertThat(example.options().exit()).isEqualTo(1);
        assertThat(example.options().registry()).isTrue();
        DocStep.ExpectOutput output = (DocStep.ExpectOutput) steps.get(3);
        assertThat(output.expected()).isEqualTo("error: nope\n");
        assertThat(output.options().stderr()).isTrue();
        assertThat(output.options().lines()).isTrue();
        assertThat(steps.get(4)).isEqualTo(new DocStep.Skipped(18, "sh", "needs a terminal", "hype"));
    }

    @Test
    void aSkippedHiddenExampleIsListedWithItsReason() {
        List<DocStep> steps = steps("""
                <!-- doc: skip issue 13 item 5 -->
                <!-- doc: sh
                hype -C test app.lua
                -->
                """);

        assertThat(steps).containsExactly(new DocStep.Skipped(2, "sh, hidden", "issue 13 item 5", "hype -C test app.lua"));
    }

    @Test
    void blocksIndentedInAListLoseTheListIndentation() {
        List<DocStep> steps = steps("""
                - an item:

                  ```lua
                  print(1)
                    print(2)
                  ```
                """);

        assertThat(steps).containsExactly(new DocStep.Example(3, "lua", "print(1)\n  print(2)\n", DocOptions.DEFAULT, false));
    }

    @Test
    void malformedDirectivesAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> steps("<!-- doc: skip -->\n```lua\nx()\n```\n"))
                .hasMessage("page.md:1: skip needs a reason: <!-- doc: skip REASON -->");
        assertThatThrownBy(() -> steps("text\n<!-- doc: output -->\nsome prose\n```\nx\n```\n"))
                .hasMessage("page.md:2: the directive is not followed by a code block");
        assertThatThrownBy(() -> steps("<!-- doc: exit=one -->\n```sh\nx\n```\n"))
                .hasMessageContaining("page.md:1: exit= needs a number");
        assertThatThrownBy(() -> steps("<!-- doc: verbose -->\n```sh\nx\n```\n"))
                .hasMessageContaining("page.md:1: unknown word 'verbose'");
        assertThatThrownBy(() -> steps("<!-- doc: exit=1 -->\n```json\n{}\n```\n"))
                .hasMessage("page.md:1: options apply to a lua or sh block, not to a json block");
        assertThatThrownBy(() -> steps("<!-- doc: output -->\n```lua\nprint(1)\n```\n"))
                .hasMessageContaining("an output block must not be a lua block");
        assertThatThrownBy(() -> steps("<!-- doc: file a.lua\nx\n"))
                .hasMessage("page.md:1: the directive has no closing -->");
        assertThatThrownBy(() -> steps("```lua\nprint(1)\n"))
                .hasMessage("page.md:1: the code block is not closed");
    }

    @Test
    void otherHtmlCommentsAndDirectiveLookalikesInBlocksAreLeftAlone() {
        List<DocStep> steps = steps("""
                <!-- a note for editors -->
                ```markdown
                <!-- doc: skip shown as an example -->
                ```
                """);

        assertThat(steps).isEmpty();
    }
}
