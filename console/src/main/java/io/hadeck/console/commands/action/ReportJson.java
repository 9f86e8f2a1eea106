package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.console.output.Obj;

import java.util.Map;

/** A run's plan and report as JSON with fixed camelCase names (for --json and scripts). */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> report(RunReport r) {
        return Obj.of().put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .put("exitCode", r.exitCode()).put("summary", r.summary()).put("plan", plan(r.plan()))
                .put("steps", r.steps().stream().map(s -> Obj.of().put("number", s.number()).put("of", s.of())
                        .put("title", s.title()).put("call", s.call()).put("answer", s.answer()).put("ok", s.ok())
                        .put("verdict", s.verdict().sentence()).put("tookMs", s.took().toMillis()).map()).toList())
                .map();
    }

    static Map<String, Object> plan(Plan p) {
        return Obj.of().put("cluster", p.cluster()).put("action", p.action()).put("target", p.target())
                .put("preflight", p.preflight().stream().map(c -> Obj.of().put("name", c.name()).put("current", c.current())
                        .put("pass", c.pass()).put("reason", c.reason()).map()).toList())
                .put("steps", p.steps().stream().map(s -> Obj.of().put("title", s.title()).put("call", s.call().description())
                        .put("expected", s.expected()).put("deadlineSeconds", s.deadline().toSeconds()).map()).toList())
                .put("expectedEnd", p.expectedEnd()).put("confirmWord", p.confirmWord()).put("dataLoss", p.dataLoss())
                .map();
    }
}
