package io.hadeck.actions.runbook;

import io.hadeck.actions.ha.Call;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One step of a plan: the exact call it makes, the end state it expects (in words, for the plan),
 * and how that end state is verified against fresh readings before {@code deadline} runs out.
 */
public record Step(String title, Call call, String expected, Supplier<Verdict> verify, Duration deadline) {
}
