package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Make the Patroni on NODE read its configuration again (POST /reload, like patronictl reload). Settings",
                "that need a restart then show as pending restart (hadeck restart NODE applies them)."})
public class ReloadCommand extends NodeActionCommand {
    @Override
    ActionKind kind() {
        return ActionKind.RELOAD;
    }
}
