package io.hadeck.console.commands;

import io.hadeck.console.Session;
import picocli.CommandLine;

/** Creates command objects and hands each the session; the one way commands get at the cluster. */
public final class SessionFactory implements CommandLine.IFactory {

    private final Session session;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public SessionFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        K k = fallback.create(cls);
        if (k instanceof BaseCommand c) {
            c.session(session);
        }
        return k;
    }
}
