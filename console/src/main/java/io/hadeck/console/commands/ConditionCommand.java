package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.condition.Condition;
import io.hadeck.console.condition.ConditionException;
import io.hadeck.console.condition.Vocabulary;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A command that takes a condition as its words: `assert pg.streaming >= 2`, quoting optional. */
abstract class ConditionCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "CONDITION", description = "A condition, see: help conditions.")
    List<String> words;

    protected String text() {
        return String.join(" ", words);
    }

    protected Condition condition() {
        try {
            return Condition.parse(text(), session.settings().vocabulary());
        } catch (ConditionException e) {
            throw CommandException.usage("condition " + e.getMessage());
        }
    }

    @Override
    public void validate(Vocabulary vocabulary) {
        try {
            Condition.parse(text(), vocabulary);
        } catch (ConditionException e) {
            throw CommandException.usage("condition " + e.getMessage());
        }
    }
}
