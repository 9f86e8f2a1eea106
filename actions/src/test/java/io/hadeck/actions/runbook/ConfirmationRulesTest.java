package io.hadeck.actions.runbook;

import io.hadeck.actions.runbook.ConfirmationRules.How;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may say yes: action × front end × flags × terminal → how the name and LOSE DATA are answered. */
class ConfirmationRulesTest {

    @ParameterizedTest(name = "{0} {1} yes={2} accept={3} terminal={4} → name {5}, data loss {6}")
    @CsvSource({
            // front end, data loss?, --yes, --accept-data-loss, terminal, name, LOSE DATA
            "CONSOLE,  false, false, false, true,  ASK,    -",
            "CONSOLE,  true,  false, false, true,  ASK,    ASK",
            "CONSOLE,  true,  true,  true,  true,  ASK,    ASK",   // the console has no flags; -y is no session setting
            "REPL,     false, false, false, true,  ASK,    -",
            "REPL,     false, true,  false, true,  FLAG,   -",
            "REPL,     true,  true,  true,  true,  FLAG,   ASK",   // LOSE DATA is typed at the prompt
            "REPL,     true,  false, false, false, REFUSE, REFUSE", // piped into the REPL: only flags count
            "REPL,     true,  true,  true,  false, FLAG,   FLAG",
            "BATCH,    false, false, false, true,  REFUSE, -",
            "BATCH,    false, true,  false, false, FLAG,   -",
            "BATCH,    true,  true,  false, false, FLAG,   REFUSE", // --yes alone never accepts data loss
            "BATCH,    true,  true,  false, true,  FLAG,   REFUSE",
            "BATCH,    true,  true,  true,  false, FLAG,   FLAG",
            "BATCH,    true,  false, true,  false, REFUSE, FLAG_NEEDS_YES",
            "ONE_SHOT, false, false, false, true,  ASK,    -",
            "ONE_SHOT, false, false, false, false, REFUSE, -",
            "ONE_SHOT, false, true,  false, false, FLAG,   -",
            "ONE_SHOT, true,  false, false, true,  ASK,    ASK",
            "ONE_SHOT, true,  true,  false, true,  FLAG,   REFUSE", // --yes chose no questions: LOSE DATA needs its flag
            "ONE_SHOT, true,  true,  true,  false, FLAG,   FLAG",
            "ONE_SHOT, true,  false, true,  false, REFUSE, FLAG_NEEDS_YES",
    })
    void table(FrontEnd front, boolean dataLoss, boolean yes, boolean accept, boolean terminal, How name, String loss) {
        RunOptions o = new RunOptions(false, false, front, yes, accept);
        assertThat(ConfirmationRules.name(o, terminal).how()).isEqualTo(name);
        if (dataLoss) {
            How expected = loss.equals("FLAG_NEEDS_YES") ? How.REFUSE : How.valueOf(loss);
            assertThat(ConfirmationRules.dataLoss(o, terminal).how()).isEqualTo(expected);
        }
    }
}
