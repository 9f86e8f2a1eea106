package io.hadeck.actions.runbook;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.LockHeldException;
import io.hadeck.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunbookRunnerTest {
    static final RunOptions AT_THE_PROMPT = new RunOptions(false, false, FrontEnd.REPL, false, false);
    static final RunOptions YES = new RunOptions(false, false, FrontEnd.BATCH, true, false);

    @TempDir
    Path dir;
    AuditLog audit;
    TestClock clock = new TestClock(Instant.parse("2026-03-12T03:00:00Z"));
    TestLock lock = new TestLock();
    RunbookRunner runner;
    List<String> asked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        audit = new AuditLog(dir.resolve("audit.jsonl"), new Operator("alice", "ops-1", 42), clock);
        runner = new RunbookRunner(audit, lock, clock, d -> clock.advance(d));
    }

    /** An operator at a terminal typing these answers in turn; each question takes {@code think} to answer. */
    Confirmer typing(String... answers) {
        List<String> a = new ArrayList<>(List.of(answers));
        return new Confirmer() {
            @Override
            public boolean confirm(String q, String expected) {
                asked.add(expected);
                return !a.isEmpty() && a.remove(0).equals(expected);
            }

            @Override
            public Optional<String> choose(String q, List<String> options) {
                asked.add(q);
                return a.isEmpty() ? Optional.empty() : Optional.of(a.remove(0));
            }

            @Override
            public Optional<String> ask(String q) {
                asked.add(q);
                return a.isEmpty() ? Optional.empty() : Optional.of(a.remove(0));
            }
        };
    }

    @Test
    void theReasonGivenOnTheCommandLineIsAudited() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        runner.run(rb, new RunOptions(false, false, FrontEnd.BATCH, true, false, "INC-4711 split-brain on node-1"),
                Confirmer.NOBODY, RunListener.NONE);
        assertThat(audit.tail(10)).anySatisfy(a -> {
            assertThat(a.step()).isEqualTo("reason");
            assertThat(a.detail()).isEqualTo("INC-4711 split-brain on node-1");
        });
    }

    @Test
    void theConsoleAsksForAnOptionalReasonAfterTheName() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, RunOptions.console(false), typing("node-2", "rolling kernel update"), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(asked).containsExactly("node-2", "Why? A reason for the audit log (optional; Enter skips):");
        assertThat(audit.tail(20)).anySatisfy(a -> assertThat(a.detail()).isEqualTo("rolling kernel update"));
    }

    @Test
    void aFailedPreflightRefusesWithItsReasonAndMakesNoCall() {
        FakeRunbook rb = new FakeRunbook().check(true, "fine").check(false, "node-2 lags 40 MB behind (limit 16 MB)")
                .step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, AT_THE_PROMPT, typing("node-2"), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("refused: node-2 lags 40 MB behind (limit 16 MB)");
        assertThat(rb.calls).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(audit.tail(10)).extracting(AuditRecord::result).containsExactly("planned", "ok", "refused", "refused");
    }

    @Test
    void aStepThatCannotBeVerifiedStopsAtOnceAndSaysWhy() {
        Instant t0 = clock.instant();
        FakeRunbook rb = new FakeRunbook().step("set-cluster-failover off",
                () -> Verdict.cannotVerify("chef-backend-ctl cluster-status --json does not report it"));
        RunReport r = runner.run(rb, YES, typing(), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.summary()).contains("cannot verify: chef-backend-ctl cluster-status --json does not report it");
        assertThat(clock.instant()).as("no waiting out the deadline").isEqualTo(t0);
        assertThat(rb.calls).containsExactly("set-cluster-failover off");
    }

    @Test
    void dryRunStopsAfterThePlan() {
        FakeRunbook rb = new FakeRunbook().check(true, "fine").step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, new RunOptions(true, false, FrontEnd.ONE_SHOT, false, false), typing(), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DRY_RUN);
        assertThat(r.exitCode()).isZero();
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void readOnlyRefusesEverything() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, new RunOptions(false, true, FrontEnd.BATCH, true, true), typing(), RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).contains("read-only");
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void theWrongNameIsNotAConfirmation() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        RunReport r = runner.run(rb, AT_THE_PROMPT, typing("node-3"), RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void dataLossNeedsASecondDifferentConfirmation() {
        FakeRunbook rb = new FakeRunbook().step("primary --force", () -> Verdict.ok("drbd-b is Primary"));
        rb.dataLoss = "drbd-b is Inconsistent: 40 MiB written on drbd-a will be lost.";
        RunReport refused = runner.run(rb, AT_THE_PROMPT, typing("node-2", "node-2"), RunListener.NONE);
        assertThat(refused.outcome()).isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
        assertThat(asked).containsExactly("node-2", Plan.DATA_LOSS_WORD);
        assertThat(rb.calls).isEmpty();

        RunReport done = runner.run(rb, AT_THE_PROMPT, typing("node-2", Plan.DATA_LOSS_WORD), RunListener.NONE);
        assertThat(done.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(rb.calls).containsExactly("primary --force");
        assertThat(audit.tail(30)).extracting(AuditRecord::detail)
                .contains("LOSE DATA typed by the operator at a terminal");
    }

    @Test
    void yesAloneDoesNotAcceptDataLossInABatch() {
        FakeRunbook rb = new FakeRunbook().step("primary --force", () -> Verdict.ok("drbd-b is Primary"));
        rb.dataLoss = "drbd-a's writes since the split are discarded.";
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("refused: this plan can lose data and --yes alone does not accept that; add "
                + "--accept-data-loss; nothing was done");
        assertThat(rb.calls).isEmpty();

        RunReport done = runner.run(rb, new RunOptions(false, false, FrontEnd.BATCH, true, true), Confirmer.NOBODY,
                RunListener.NONE);
        assertThat(done.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(audit.tail(30)).extracting(AuditRecord::detail)
                .contains("LOSE DATA accepted in advance (--yes --accept-data-loss)");
    }

    @Test
    void aClusterThatChangedWhileTheOperatorReadStopsBeforeAnyStep() {
        FakeRunbook rb = new FakeRunbook().role("peer", "drbd-a: unreachable").step("primary", () -> Verdict.ok("done"));
        rb.beforeReplan = () -> {
            rb.checks.clear();
            rb.role("peer", "drbd-a: Primary, StandAlone");
        };
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("stopped before any step: the cluster changed since the plan was confirmed: "
                + "peer: was drbd-a: unreachable, now drbd-a: Primary, StandAlone. Nothing was done; run the action "
                + "again to see the new plan.");
        assertThat(rb.calls).isEmpty();
        assertThat(audit.tail(20)).extracting(AuditRecord::step).contains("recheck");
    }

    @Test
    void anOperatorAtThePromptIsShownTheChangeAndAskedAgain() {
        FakeRunbook rb = new FakeRunbook().role("leader", "node-1").step("switchover", () -> Verdict.ok("done"));
        rb.beforeReplan = () -> {
            if (rb.plans == 2) {
                rb.checks.clear();
                rb.role("leader", "node-3");
            }
        };
        List<String> changes = new ArrayList<>();
        RunReport r = runner.run(rb, AT_THE_PROMPT, typing("node-2", "node-2"), new RunListener() {
            @Override
            public void changed(String what) {
                changes.add(what);
            }
        });
        assertThat(changes).containsExactly("leader: was node-1, now node-3");
        assertThat(asked).containsExactly("node-2", "node-2");
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
    }

    @Test
    void amountsThatMoveDoNotCountAsAChange() {
        FakeRunbook rb = new FakeRunbook().role("peer", "drbd-b: Secondary, 128 KiB out of sync at 0/5000060")
                .step("primary", () -> Verdict.ok("done"));
        rb.beforeReplan = () -> {
            rb.checks.clear();
            rb.role("peer", "drbd-b: Secondary, 4.5 MiB out of sync at 0/5A00000");
        };
        assertThat(runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE).outcome()).isEqualTo(RunReport.Outcome.DONE);
    }

    @Test
    void aConfirmationOlderThanAMinuteExpires() {
        FakeRunbook rb = new FakeRunbook().step("switchover", () -> Verdict.ok("done"));
        int[] asks = {0};
        Confirmer slow = (q, expected) -> {
            asks[0]++;
            clock.advance(Duration.ofSeconds(75)); // the operator went for coffee before typing the name, every time
            return true;
        };
        RunReport r = runner.run(rb, new RunOptions(false, false, FrontEnd.ONE_SHOT, false, false), slow, RunListener.NONE);
        assertThat(asks[0]).isEqualTo(RunbookRunner.ROUNDS);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).contains("the confirmation came 75 s after the plan was shown (limit 60 s)");
        assertThat(rb.calls).isEmpty();
    }

    @Test
    void aLockLostDuringTheRunStopsBeforeTheNextStep() {
        FakeRunbook rb = new FakeRunbook()
                .step("disconnect drbd-a", () -> {
                    lock.lost = "the lease keepalive failed: etcd unavailable";
                    return Verdict.ok("drbd-a is StandAlone");
                })
                .step("connect --discard-my-data drbd-a", () -> Verdict.ok("never"));
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.summary()).startsWith("the action lock was lost: the lease keepalive failed: etcd unavailable: stopped"
                + " before step 2 of 2 (connect --discard-my-data drbd-a); it and the steps after it were not run.");
        assertThat(rb.calls).containsExactly("disconnect drbd-a");
        assertThat(audit.tail(20)).extracting(AuditRecord::result).contains("not-run");
    }

    @Test
    void aQuestionIsAskedOfAPersonAndItsAnswerGoesToTheRunbook() {
        FakeRunbook rb = new FakeRunbook().step("connect --discard-my-data drbd-a", () -> Verdict.ok("done"));
        rb.question = new Plan.Question("keep", "Whose data do you KEEP?", List.of("drbd-a", "drbd-b"), "--victim NODE");
        RunReport r = runner.run(rb, AT_THE_PROMPT, typing("drbd-b", "node-2"), RunListener.NONE);
        assertThat(rb.answers).containsExactly("keep=drbd-b");
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
    }

    @Test
    void aQuestionInABatchIsARefusalNamingTheFlag() {
        FakeRunbook rb = new FakeRunbook().step("connect", () -> Verdict.ok("done"));
        rb.question = new Plan.Question("keep", "Whose data do you KEEP?", List.of("drbd-a", "drbd-b"), "--victim NODE");
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("refused: choose with --victim NODE");
        assertThat(rb.answers).isEmpty();
    }

    @Test
    void stopsAtTheFirstFailedVerificationAndSaysWhereAndTheState() {
        FakeRunbook rb = new FakeRunbook()
                .step("switchover", () -> Verdict.notYet("node-1 is still primary"))
                .step("check leader key", () -> Verdict.ok("never"));
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.summary()).isEqualTo("stopped at step 1 of 2 (switchover): not verified within 2 s: node-1 is still "
                + "primary. Steps after it were not run. Cluster now: node-1 is primary on timeline 2");
        assertThat(rb.calls).containsExactly("switchover");
        assertThat(audit.tail(20)).extracting(AuditRecord::step).contains("step 1/2 switchover", "end");
    }

    @Test
    void verificationPollsFreshReadingsUntilThePass() {
        int[] reads = {0};
        FakeRunbook rb = new FakeRunbook().step("switchover",
                () -> ++reads[0] < 3 ? Verdict.notYet("not yet") : Verdict.ok("node-2 is primary on timeline 3"));
        RunReport r = runner.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(r.summary()).isEqualTo("done: node-2 is primary on timeline 3");
        assertThat(reads[0]).isEqualTo(3);
    }

    @Test
    void aLockHeldElsewhereRefusesAndNamesTheHolder() {
        ActionLock held = new TestLock() {
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
        RunReport r = r2.run(rb, YES, Confirmer.NOBODY, RunListener.NONE);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).contains("held by bob@ops-2 pid 7");
        assertThat(rb.calls).isEmpty();
    }

    /** A lock a test can take away. */
    static class TestLock implements ActionLock {
        volatile String lost;

        @Override
        public Optional<String> holder() {
            return Optional.empty();
        }

        @Override
        public String kind() {
            return "test lock";
        }

        @Override
        public Held acquire() {
            return new Held() {
                @Override
                public String holderText() {
                    return "alice@ops-1 pid 42 (test lock)";
                }

                @Override
                public void verify() {
                    if (lost != null) {
                        throw new ActionException("the action lock was lost: " + lost);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
