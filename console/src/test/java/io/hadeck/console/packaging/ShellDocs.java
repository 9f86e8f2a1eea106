package io.hadeck.console.packaging;

import io.hadeck.console.session.Settings;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.console.commands.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * What the Debian package ships beside the program, generated from the one picocli command tree
 * (the same {@link Shell#root()} the shell, the REPL and help use), so completion and the manual
 * can never name a command or option hadeck does not have. Run by scripts/package, not part of
 * hadeck (test sources, like the benchmark mains): {@code ShellDocs DIR} writes
 * DIR/bash/hadeck (bash-completion), DIR/zsh/_hadeck (zsh, through bashcompinit) and
 * DIR/man/*.adoc (one AsciiDoc man page per command; asciidoctor turns them into roff).
 */
public final class ShellDocs {

    /**
     * zsh runs the bash script through its bashcompinit layer: the first completion sources it
     * (which registers the bash function for hadeck) and answers this one through the same layer.
     */
    static final String ZSH = """
            #compdef hadeck
            # hadeck's bash completion (generated from its commands), run by zsh's bashcompinit.
            autoload -U +X bashcompinit && bashcompinit
            source /usr/share/bash-completion/completions/hadeck
            _bash_complete -F _complete_hadeck "$@"
            """;

    private ShellDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ShellDocs OUTPUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        try (Session session = new Session(new Settings.Options(null, null, null, false, false), Clock.systemUTC(), Confirmer.NOBODY)) {
            CommandLine root = new Shell(session).root();
            write(out.resolve("bash/hadeck"), AutoComplete.bash("hadeck", root));
            write(out.resolve("zsh/_hadeck"), ZSH);
            Path man = out.resolve("man");
            Files.createDirectories(man);
            int rc = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, root.getCommandSpec());
            if (rc != 0) {
                System.err.println("ShellDocs: the man page generator failed (exit " + rc + ")");
                System.exit(1);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
