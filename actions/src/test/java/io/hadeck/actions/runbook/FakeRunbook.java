package io.hadeck.actions.runbook;

import io.hadeck.actions.ha.Call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A runbook whose checks and steps a test sets; records which calls were made. */
final class FakeRunbook implements Runbook {
    final List<String> calls = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    String dataLoss;
    int plans;
    /** Runs before every plan after the first: a test changes the cluster "while the operator reads". */
    Runnable beforeReplan = () -> { };
    Plan.Question question;
    final List<String> answers = new ArrayList<>();

    FakeRunbook check(boolean pass, String reason) {
        checks.add(new Check("c" + checks.size(), "value", pass, reason));
        return this;
    }

    FakeRunbook step(String title, Supplier<Verdict> verify) {
        steps.add(new Step(title, new Call("call " + title, () -> {
            calls.add(title);
            return "answer " + title;
        }), "expected " + title, verify, Duration.ofSeconds(2)));
        return this;
    }

    @Override
    public String action() {
        return "promote";
    }

    @Override
    public String target() {
        return "node-2";
    }

    FakeRunbook role(String name, String current) {
        checks.add(new Check(name, current, true, name + " as planned"));
        return this;
    }

    @Override
    public Plan plan() {
        if (plans++ > 0) {
            beforeReplan.run();
        }
        boolean pending = question != null && answers.isEmpty();
        List<Check> all = new ArrayList<>(checks);
        if (pending) {
            all.add(Check.fail(question.id(), "not chosen", "choose with " + question.flag()));
        }
        return new Plan("lab", action(), target(), all, pending ? List.of() : steps, "node-2 is primary", "node-2", dataLoss,
                pending ? question : null);
    }

    @Override
    public Runbook answer(String id, String value) {
        answers.add(id + "=" + value);
        return this;
    }

    @Override
    public String stateNow() {
        return "node-1 is primary on timeline 2";
    }
}
