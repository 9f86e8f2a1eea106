package io.hadeck.console.output;

import java.io.PrintWriter;

/** Writes a result as its table or its JSON; the only place commands send data output through. */
public final class Printer {

    private final Symbols style;

    public Printer(Symbols style) {
        this.style = style;
    }

    public Symbols style() {
        return style;
    }

    public void print(PrintWriter out, Result result, boolean json) {
        String text = json ? Json.write(result.json()) : result.text(style);
        out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        out.flush();
    }
}
