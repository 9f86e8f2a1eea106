package io.hadeck.actions.lock;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock of a pair without etcd: one operator at a time on this host, and a lost lock is noticed. */
class FileActionLockTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    FileActionLock lock(String user) {
        return new FileActionLock(dir.resolve("locks"), "pair", new Operator(user, "bastion", 42), CLOCK);
    }

    @Test
    void aSecondOperatorIsToldWhoHoldsIt() throws Exception {
        try (ActionLock.Held held = lock("alice").acquire()) {
            assertThat(held.holderText()).isEqualTo("alice@bastion pid 42 since 2026-12-01T03:00:00Z (lock file on this host)");
            assertThat(lock("bob").holder()).contains("alice@bastion pid 42 since 2026-12-01T03:00:00Z (lock file on this host)");
            assertThatThrownBy(() -> lock("bob").acquire()).isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("alice@bastion pid 42");
            held.verify();
        }
        assertThat(lock("bob").holder()).isEmpty();
        assertThat(Files.getPosixFilePermissions(dir.resolve("locks"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aRemovedLockFileIsALostLock() throws Exception {
        try (ActionLock.Held held = lock("alice").acquire()) {
            Files.delete(dir.resolve("locks/pair.lock"));
            assertThatThrownBy(held::verify).isInstanceOf(ActionException.class)
                    .hasMessage("the action lock was lost: " + dir.resolve("locks/pair.lock") + " was removed");
        }
    }
}
