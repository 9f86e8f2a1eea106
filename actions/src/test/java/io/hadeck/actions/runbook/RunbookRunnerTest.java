package io.hadeck.actions.runbook;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.LockHeldException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookRunnerTest {
    @TempDir
    Path dir;
    AuditLog audit;
    MutableClock clock = new MutableClock();
    RunbookRunner runner;
    List<String> asked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        audit = new AuditLog(dir.resolve("audit.jsonl"), new Operator("alice", "ops-1", 42), clock);
        runner = new RunbookRunner(audit, ActionLock.NONE, clock, d -> clock.advance(d));
    }

    Confirmer typing(String... answers) {
        List<String> a = new ArrayList<>(List.of(answers));
        return (q, expected) -> {
            asked.add(expected);
            return !a.isEmpty() && a.remove(0).equals(expected);
        };
    }

    @Test
    void aFailedPreflightRefusesWithItsReasonAndMakesNoCall() {
        FakeRunbook rb = new FakeRunbook().check(true, "fine").check(false, "node-2 lags 40 MB behind (limit 16 MB)")
                .step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, RunOptions.INTERACTIVE, typing("node-2"), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("refused: node-2 lags 40 MB behind (limit 16 MB)");
        assertThat(rb.calls).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(audit.tail(10)).extracting(AuditRecord::result).containsExactly("planned", "ok", "refused", "refused");
    }

    @Test
    void dryRunStopsAfterThePlan() {
        FakeRunbook rb = new FakeRunbook().check(true, "fine").step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, new RunOptions(true, false, false), typing(), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DRY_RUN);
        assertThat(r.exitCode()).isZero();
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void readOnlyRefusesEverything() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, new RunOptions(false, true, true), typing(), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).contains("read-only");
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void theWrongNameIsNotAConfirmation() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, RunOptions.INTERACTIVE, typing("node-3"), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void dataLossNeedsASecondDifferentConfirmation() {
        FakeRunbook rb = new FakeRunbook().step("primary --force", () -> Verdict.ok("drbd-b is Primary"));
        rb.dataLoss = "drbd-b is Inconsistent: 40 MiB written on drbd-a will be lost.";
        RunReport refused = runner.run(rb, RunOptions.INTERACTIVE, typing("node-2", "node-2"), RunListener.NONE);
        assertThat(refused.outcome()).isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
        assertThat(asked).containsExactly("node-2", Plan.DATA_LOSS_WORD);
        assertThat(rb.calls).isEmpty();

        RunReport done = runner.run(rb, RunOptions.INTERACTIVE, typing("node-2", Plan.DATA_LOSS_WORD), RunListener.NONE);
        assertThat(done.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(rb.calls).containsExactly("primary --force");
    }

    @Test
    void stopsAtTheFirstFailedVerificationAndSaysWhereAndTheState() {
        FakeRunbook rb = new FakeRunbook()
                .step("switchover", () -> Verdict.notYet("node-1 is still primary"))
                .step("check leader key", () -> Verdict.ok("never"));
        RunReport r = runner.run(rb, new RunOptions(false, true, false), typing(), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.summary()).isEqualTo("stopped at step 1 of 2 (switchover): not verified within 2 s: node-1 is still "
                + "primary. Steps after it were not run. Cluster now: node-1 is primary on timeline 2");
        assertThat(rb.calls).containsExactly("switchover");
        assertThat(audit.tail(10)).extracting(AuditRecord::step).contains("step 1/2 switchover", "end");
    }

    @Test
    void verificationPollsFreshReadingsUntilThePass() {
        int[] reads = {0};
        FakeRunbook rb = new FakeRunbook().step("switchover",
                () -> ++reads[0] < 3 ? Verdict.notYet("not yet") : Verdict.ok("node-2 is primary on timeline 3"));
        RunReport r = runner.run(rb, new RunOptions(false, true, false), typing(), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(r.summary()).isEqualTo("done: node-2 is primary on timeline 3");
        assertThat(reads[0]).isEqualTo(3);
    }

    @Test
    void aLockHeldElsewhereRefusesAndNamesTheHolder() {
        ActionLock held = new ActionLock() {
            @Override
            public Optional<String> holder() {
                return Optional.of("bob@ops-2 pid 7 since 2026-03-12T02:59:00Z");
            }

            @Override
            public Held acquire() {
                throw new LockHeldException("lab", holder().get());
            }
        };
        RunbookRunner r2 = new RunbookRunner(audit, held, clock, d -> clock.advance(d));
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = r2.run(rb, new RunOptions(false, true, false), typing(), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).contains("held by bob@ops-2 pid 7");
        assertThat(rb.calls).isEmpty();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-12T03:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
