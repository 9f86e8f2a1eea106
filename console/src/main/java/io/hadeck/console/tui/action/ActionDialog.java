package io.hadeck.console.tui.action;

import io.hadeck.actions.runbook.Confirmer;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.StepResult;
import io.hadeck.console.commands.action.PlanText;
import io.hadeck.console.theme.Role;
import io.hadeck.console.tui.ActionLauncher;
import io.hadeck.console.tui.Line;
import io.hadeck.console.tui.Painter;
import io.hadeck.console.tui.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The guided-action dialog drawn over the console. The runbook runs on a worker thread and talks to
 * the dialog as its {@link RunListener} (plan, step progress, account) and as the operator's
 * {@link Confirmer}: a confirmation blocks the worker, never the UI, until the operator has typed
 * the word and pressed Enter, or Esc. Esc before execution cancels; after the account any key closes.
 */
public final class ActionDialog implements ActionLauncher.Overlay, RunListener, Confirmer {
    private final String title;
    private Plan plan;
    private String question;
    private String expected;
    private String typed = "";
    private CompletableFuture<String> answer;
    private final List<String> progress = new ArrayList<>();
    private RunReport report;
    private String error;
    private boolean cancelled;

    public ActionDialog(String title) {
        this.title = title;
    }

    // ---------------------------------------------------------------- from the worker

    @Override
    public synchronized void planned(Plan p) {
        plan = p;
    }

    @Override
    public synchronized void stepStarted(int number, int of, Step step) {
        progress.add("▸ " + PlanText.stepStarted(number, of, step));
    }

    @Override
    public synchronized void stepFinished(StepResult r) {
        progress.add(PlanText.stepFinished(r));
    }

    @Override
    public synchronized void finished(RunReport r) {
        report = r;
    }

    /** The plan could not be made (the HA manager did not answer…): shown instead of a plan. */
    public synchronized void failed(String message) {
        error = message;
    }

    @Override
    public synchronized void changed(String what) {
        progress.add("the cluster changed since the plan was confirmed: " + what + "; the new plan is above, confirm again");
    }

    @Override
    public boolean confirm(String q, String word) {
        return await(q, word).map(word::equals).orElse(false);
    }

    /** A choice typed in the dialog (which side to keep, which resource, the fenced node). */
    @Override
    public java.util.Optional<String> ask(String q) {
        return await(q, null);
    }

    /** Blocks the worker until the operator presses Enter (the typed text) or Esc (empty). */
    private java.util.Optional<String> await(String q, String word) {
        CompletableFuture<String> f;
        synchronized (this) {
            if (cancelled) {
                return java.util.Optional.empty();
            }
            question = q;
            expected = word;
            typed = "";
            f = answer = new CompletableFuture<>();
        }
        try {
            return java.util.Optional.ofNullable(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (ExecutionException e) {
            return java.util.Optional.empty();
        } finally {
            synchronized (this) {
                answer = null;
            }
        }
    }

    // ---------------------------------------------------------------- from the UI thread

    /** True once the run ended (or could not start): the next key closes the dialog. */
    public synchronized boolean done() {
        return report != null || error != null;
    }

    @Override
    public synchronized boolean onKey(KeyStroke k) {
        if (done()) {
            return false;
        }
        if (answer != null) {
            switch (k.getKeyType()) {
                case Escape -> {
                    cancelled = true;
                    answer.complete(null);
                }
                case Enter -> answer.complete(typed.strip());
                case Backspace -> typed = typed.isEmpty() ? "" : typed.substring(0, typed.length() - 1);
                case Character -> typed += k.getCharacter();
                default -> {
                }
            }
            return true;
        }
        if (k.getKeyType() == KeyType.Escape && report == null && progress.isEmpty()) {
            cancelled = true; // still planning: the worker's confirmation will be refused
            return false;
        }
        return true;
    }

    @Override
    public void draw(TextGraphics g, RenderContext frame) {
        List<Line> lines = lines(frame.glyphs().unicode());
        int w = Math.min(g.getSize().getColumns() - 2, Math.max(60, lines.stream().mapToInt(Line::length).max().orElse(40) + 4));
        int h = Math.min(g.getSize().getRows() - 2, lines.size() + 2);
        int col = Math.max(0, (g.getSize().getColumns() - w) / 2);
        int row = Math.max(0, (g.getSize().getRows() - h) / 2);
        Painter p = new Painter(g, frame.theme(), frame.glyphs());
        p.fill(col, row, w, h, Role.TEXT);
        p.box(col, row, w, h, Line.text(" " + title + " ", Role.TITLE), Role.BORDER);
        // keep the bottom (question, progress, account) in sight on a small terminal
        List<Line> shown = lines.size() > h - 2 ? lines.subList(lines.size() - (h - 2), lines.size()) : lines;
        p.lines(col + 2, row + 1, w - 4, h - 2, shown);
    }

    /** What the dialog says now, top to bottom (the render test reads this too). */
    public synchronized List<Line> lines(boolean unicode) {
        List<Line> out = new ArrayList<>();
        if (plan == null) {
            out.add(Line.text(error != null ? "cannot plan: " + error : "reading the cluster…", error != null ? Role.CRIT : Role.DIM));
            if (error != null) {
                out.add(Line.text("any key closes", Role.DIM));
            }
            return out;
        }
        for (String s : PlanText.plan(plan, unicode)) {
            out.add(Line.text(s, role(s)));
        }
        out.add(Line.of(Role.TEXT));
        progress.forEach(s -> out.add(Line.text(s, s.contains("FAILED") ? Role.CRIT : Role.TEXT)));
        if (answer != null) {
            for (String q : question.split("\n")) {   // a choice lists one option per line
                out.add(Line.text(q, Plan.DATA_LOSS_WORD.equals(expected) ? Role.CRIT : Role.WARN));
            }
            out.add(Line.of(Role.TEXT).add("> ", Role.KEY).add(typed, Role.COMMAND).add("_", Role.KEY));
            out.add(Line.text(expected == null ? "type your answer and Enter · Esc cancels"
                    : "type " + expected + " and Enter to go ahead · Esc cancels", Role.DIM));
        } else if (report != null) {
            out.add(Line.text(report.summary(), report.exitCode() == 0 ? Role.OK : Role.CRIT));
            out.add(Line.text("exit " + report.exitCode() + " · any key closes", Role.DIM));
        } else if (progress.isEmpty()) {
            out.add(Line.text("checking…  Esc cancels", Role.DIM));
        }
        return out;
    }

    private static Role role(String s) {
        String t = s.strip();
        if (t.startsWith("✓") || t.startsWith("ok ")) {
            return Role.OK;
        }
        if (t.startsWith("✗") || t.startsWith("NO ") || t.startsWith("DATA LOSS")) {
            return Role.CRIT;
        }
        return t.startsWith("call:") || t.startsWith("expect:") ? Role.DIM : Role.TEXT;
    }
}
