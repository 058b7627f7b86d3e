package dev.hype.cli.commands;

import dev.hype.pm.install.ProjectCommit;
import java.util.ArrayList;
import java.util.List;

/** Word what recovery from a killed install did, for the progress output. */
final class RecoveryNote {
    private RecoveryNote() {
    }

    static List<String> lines(ProjectCommit.Recovery recovery) {
        List<String> lines = new ArrayList<>();
        if (recovery.finished()) {
            lines.add("finished an install that was interrupted");
        }
        if (!recovery.undone().isEmpty()) {
            lines.add("undid an install that was interrupted; its new tree was incomplete ("
                    + String.join("; ", recovery.undone()) + ")");
        }
        if (recovery.removed() > 0) {
            lines.add("removed " + recovery.removed() + (recovery.removed() == 1 ? " leftover" : " leftovers")
                    + " of interrupted installs");
        }
        return lines;
    }
}
