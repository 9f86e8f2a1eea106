package io.hadeck.actions.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.actions.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyRecordIsOneJsonLineWithTheContractFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/hadeck/audit.jsonl");
        AuditLog log = new AuditLog(file, new Operator("alice", "ops-1", 42), CLOCK);
        log.append("lab", "promote", "node-2", "plan", "planned", "switchover: POST …");
        log.append("lab", "promote", "node-2", "step 1/1 switchover", "ok", "node-2 is primary on timeline 3; node-1 streams from it");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode n = new ObjectMapper().readTree(lines.get(1));
        assertThat(n.fieldNames()).toIterable().containsExactly("time", "user", "host", "cluster", "action", "target",
                "step", "result", "detail");
        assertThat(n.get("time").asText()).isEqualTo("2026-03-12T03:00:00Z");
        assertThat(n.get("user").asText()).isEqualTo("alice");
        assertThat(n.get("result").asText()).isEqualTo("ok");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(log.tail(1)).singleElement().extracting(AuditRecord::step).isEqualTo("step 1/1 switchover");
    }

    @Test
    void aTornLastLineDoesNotHideTheOthers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, new Operator("bob", "h", 1), CLOCK);
        log.append("lab", "demote", "node-1", "plan", "planned", "x");
        Files.writeString(file, "{\"time\":\"2026", java.nio.file.StandardOpenOption.APPEND);
        assertThat(log.tail(10)).hasSize(1);
    }

    @Test
    void defaultPathFollowsXdgStateHome() {
        assertThat(AuditLog.defaultPath().toString()).endsWith("hadeck/audit.jsonl");
    }

    @Test
    void theAuditFileAndTheDirectoryItCreatesArePrivateAndWhatItQuotesIsRedacted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/hadeck/audit.jsonl");
        new AuditLog(file, new Operator("alice", "h", 1), CLOCK).append("lab", "promote", "node-2", "plan", "failed",
                "GET http://root:s3cret@10.0.0.1:8008/cluster: connection refused");
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).contains("http://***@10.0.0.1:8008/cluster").doesNotContain("s3cret");
    }

    @Test
    void anAuditLogThatCannotBeCreatedRefusesTheActionNamingThePathAndWhy(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "a file where a directory should be\n");
        Path file = plain.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, new Operator("alice", "h", 1), CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append("lab", "promote", "n", "plan", "planned", "x"))
                .isInstanceOf(AuditLog.Unwritable.class)
                .hasMessage("refused: cannot write the audit log " + file + ": not a directory"
                        + " (fix it or set audit.path in the config)");
        assertThat(AuditLog.whyUnwritable(file)).contains("no directory to create it in");
        assertThat(AuditLog.whyUnwritable(dir.resolve("ok/audit.jsonl"))).isEmpty();
        assertThat(AuditLog.whyUnwritable(dir)).contains("not a regular file");
    }

    @Test
    void anUnwritableAuditLogRefusesTheActionNamingThePathAndWhy(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes through file modes");
        Path locked = Files.createDirectory(dir.resolve("locked"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-x------")));
        Path file = locked.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, new Operator("alice", "h", 1), CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append("lab", "promote", "n", "plan", "planned", "x"))
                .isInstanceOf(AuditLog.Unwritable.class)
                .hasMessage("refused: cannot write the audit log " + file + ": permission denied"
                        + " (fix it or set audit.path in the config)");
        assertThat(AuditLog.whyUnwritable(file)).contains("cannot create it: permission denied in " + locked);
    }
}
