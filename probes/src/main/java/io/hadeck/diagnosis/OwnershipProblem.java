package io.hadeck.diagnosis;

import io.hadeck.model.Severity;

import java.util.List;

/** One disagreement in a pair's ownership: the issue, how bad, the nodes, one sentence and the next step. */
public record OwnershipProblem(OwnershipIssue issue, Severity severity, List<String> nodes, String message,
                               String action) {
    public OwnershipProblem {
        nodes = List.copyOf(nodes);
    }

    static OwnershipProblem of(OwnershipIssue issue, List<String> nodes, String message, String action) {
        return new OwnershipProblem(issue, issue.severity(), nodes, message, action);
    }
}
