package io.hadeck.actions.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import io.hadeck.files.PrivateFiles;
import io.hadeck.text.Redactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only JSON lines, one per plan, refusal, confirmation, step and outcome, each fsynced before
 * the action goes on: after a crash the log still says what was done last.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Operator operator;
    private final Clock clock;

    public AuditLog(Path file, Operator operator, Clock clock) {
        this.file = file;
        this.operator = operator;
        this.clock = clock;
    }

    /** {@code $XDG_STATE_HOME/hadeck/audit.jsonl}, else {@code ~/.local/state/hadeck/audit.jsonl}. */
    public static Path defaultPath() {
        return io.hadeck.config.ClusterConfig.Audit.defaults().path();
    }

    public Path file() {
        return file;
    }

    public synchronized AuditRecord append(String cluster, String action, String target, String step, String result,
                                           String detail) {
        AuditRecord r = new AuditRecord(clock.instant().toString(), operator.user(), operator.host(), cluster, action,
                target, step, result, detail);
        ObjectNode n = JSON.createObjectNode();
        n.put("time", r.time()).put("user", r.user()).put("host", r.host()).put("cluster", r.cluster())
                .put("action", r.action()).put("target", r.target()).put("step", r.step()).put("result", r.result())
                .put("detail", r.detail());
        // the one redactor: a detail may quote a server's reply or an exception that names a URL
        byte[] line = (Redactor.redact(n.toString()) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            PrivateFiles.file(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new Unwritable(file, reason(e));
        }
        return r;
    }

    /** The last {@code max} records, oldest first; lines that are not valid JSON are skipped. */
    public List<AuditRecord> tail(int max) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ActionException("cannot read the audit log " + file + ": " + e.getMessage());
        }
        List<AuditRecord> out = new ArrayList<>();
        for (String l : lines.subList(Math.max(0, lines.size() - max), lines.size())) {
            try {
                out.add(JSON.readValue(l, AuditRecord.class));
            } catch (IOException ignored) {
                // a torn last line after a crash must not hide the rest
            }
        }
        return out;
    }

    /**
     * No action runs without its audit trail: an audit log that cannot be written refuses the
     * action (exit 4), naming the file and why, before any step.
     */
    public static final class Unwritable extends ActionException {
        public Unwritable(Path file, String reason) {
            super("refused: cannot write the audit log " + file + ": " + reason
                    + " (fix it or set audit.path in the config)");
        }
    }

    /** Why {@code file} could not be appended to, or empty if it can (for {@code hadeck config check}). */
    public static java.util.Optional<String> whyUnwritable(Path file) {
        Path p = file.toAbsolutePath();
        if (Files.exists(p)) {
            return Files.isRegularFile(p) && Files.isWritable(p) ? java.util.Optional.empty()
                    : java.util.Optional.of(Files.isRegularFile(p) ? "permission denied" : "not a regular file");
        }
        Path dir = p.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return java.util.Optional.of("no directory to create it in");
        }
        return Files.isWritable(dir) ? java.util.Optional.empty()
                : java.util.Optional.of("cannot create it: permission denied in " + dir);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
