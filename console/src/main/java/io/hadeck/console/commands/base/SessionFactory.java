package io.hadeck.console.commands.base;

import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.session.Session;
import picocli.CommandLine;

/**
 * Creates command objects and hands each the session and the runner of command lines; the one way
 * commands get at the cluster and at other commands.
 */
public final class SessionFactory implements CommandLine.IFactory {

    private final Session session;
    private final CommandRunner runner;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public SessionFactory(Session session, CommandRunner runner) {
        this.session = session;
        this.runner = runner;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        K k = fallback.create(cls);
        if (k instanceof BaseCommand c) {
            c.session(session, runner);
        }
        return k;
    }
}
