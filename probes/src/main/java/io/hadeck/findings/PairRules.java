package io.hadeck.findings;

import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.OwnershipProblem;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** Legacy keepalived pairs: each problem of the pair's one ownership diagnosis is a finding. */
final class PairRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        List<Finding> out = new ArrayList<>();
        for (List<String> pair : PairOwnership.pairs(f.snapshot)) {
            OwnershipDiagnosis d = PairOwnership.diagnose(f.snapshot, pair.get(0), pair.get(1));
            for (OwnershipProblem p : d.problems()) {
                out.add(new Finding(p.severity(), p.issue().code(), p.nodes(), p.message(), p.action()));
            }
        }
        return out;
    }
}
