package io.hadeck.console.tui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's keys: every key action reachable by a key, no key bound twice, read-only without guided actions. */
class KeyMapTest {

    @Test
    void everyKeyActionHasAKeyAlsoWhenReadOnly() {
        for (boolean readOnly : new boolean[]{false, true}) {
            assertThat(KeyMap.defaults(readOnly).bindings()).extracting(KeyBinding::command)
                    .as("read-only " + readOnly).containsAll(List.of(KeyAction.values()));
        }
    }

    @Test
    void noKeyIsBoundTwice() {
        assertThat(KeyMap.defaults(false).bindings()).extracting(KeyBinding::key).doesNotHaveDuplicates();
    }

    @Test
    void readOnlyDropsEveryKeyThatChangesTheCluster() {
        assertThat(KeyMap.defaults(false).bindings()).anyMatch(KeyBinding::dangerous);
        assertThat(KeyMap.defaults(true).bindings()).noneMatch(KeyBinding::dangerous)
                .allMatch(b -> b.action().isEmpty());
    }
}
