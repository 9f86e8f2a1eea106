package io.hadeck.probe.drbd;

import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Observation;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.Recorded;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DrbdReaderTest {

    /** Answers each command from a table; records what was run. */
    static final class Scripted extends SshRunner {
        final List<List<String>> ran = new ArrayList<>();
        private final Map<List<String>, Function<Duration, Result>> answers;

        Scripted(Map<List<String>, Function<Duration, Result>> answers) {
            this.answers = answers;
        }

        @Override
        public Result run(NodeTarget target, List<String> command, Duration timeout) {
            ran.add(command);
            if (!command.get(0).equals("sh")) {
                return answers.get(command).apply(timeout);
            }
            // one login, several commands: sh -c 'CMD; echo MARK $?; CMD; echo MARK $?'
            Matcher m = MARK.matcher(command.get(2));
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            int from = 0;
            while (m.find()) {
                List<String> one = List.of(command.get(2).substring(from, m.start()).strip().split(" "));
                Result r = answers.getOrDefault(one, t -> new Result(127, "", "sh: 1: " + one.get(0) + ": not found\n",
                        Duration.ofMillis(1))).apply(timeout);
                out.append(r.stdout()).append(m.group(1)).append(' ').append(r.exitCode()).append('\n');
                err.append(r.stderr());
                from = m.end();
            }
            return new Result(0, out.toString(), err.toString(), Duration.ofMillis(20));
        }

        /** The commands each login asked. */
        List<List<String>> asked() {
            return ran.stream().map(c -> c.get(0).equals("sh") ? MARK.splitAsStream(c.get(2)).map(String::strip)
                    .filter(x -> !x.isEmpty()).map(x -> String.join(" ", x)).toList() : List.of(String.join(" ", c))).toList();
        }
    }

    static final Pattern MARK = Pattern.compile("; echo (@@hadeck-[0-9a-f]+) \\$\\?;?");

    static Function<Duration, SshRunner.Result> ok(String stdout) {
        return t -> new SshRunner.Result(0, stdout, "", Duration.ofMillis(20));
    }

    static String sample(String dir, String file) throws IOException {
        return Files.readString(Path.of("src/test/resources", dir, file));
    }

    static Observation<DrbdStatus> read(Scripted ssh) {
        return new DrbdReader(NodeTarget.local("drbd-a"), ssh, Duration.ofSeconds(3), Clock.systemUTC()).read();
    }

    @Test
    void drbd84ProcHasResourcesDrbd9OnlyTheVersion() {
        assertThat(DrbdReader.onlyVersion(Recorded.text("drbd-a-proc-drbd.txt"))).isFalse();
        assertThat(DrbdReader.onlyVersion("version: 9.2.8 (api:2/proto:86-122)\nGIT-hash: abc build by x\n"
                + "Transports (api:20): tcp (9.2.8)\n")).isTrue();
    }

    @Test
    void theFirstReadingAsksEverythingInOneLoginAndAConnectedPairThenOnlyItsDrbdText() throws IOException {
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok(Recorded.text("drbd-a-proc-drbd.txt")),
                DrbdReader.DMESG, ok(""), DrbdReader.DRBDADM_DUMP, ok(sample("drbd-dump", "lab-sim-8.4-drbd-b.txt"))));
        DrbdReader reader = new DrbdReader(NodeTarget.local("drbd-a"), ssh, Duration.ofSeconds(3), Clock.systemUTC());
        Observation<DrbdStatus> o = reader.read();
        assertThat(o.isOk()).isTrue();
        assertThat(o.value().kernelLog().read()).isFalse();
        assertThat(o.value().configOf(o.value().resources().get(0))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("pc0"));
        Observation<DrbdStatus> next = reader.read();
        assertThat(next.value().config()).isEqualTo(o.value().config());
        assertThat(ssh.asked()).containsExactly(List.of("cat /proc/drbd", "drbdadm status", "drbdadm dump all", "dmesg"),
                List.of("cat /proc/drbd"));
    }

    /** A clock the test moves. */
    static final class Hands extends Clock {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T22:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theConfigurationIsReadAgainAfterTenMinutesOrWhenTheResourcesChangeAndItsRefusalFailsNothing() throws IOException {
        List<String> proc = new ArrayList<>(List.of(Recorded.text("drbd-a-proc-drbd.txt"), Recorded.text("drbd-a-proc-drbd.txt"),
                Recorded.text("drbd-a-proc-drbd.txt"), sample("drbd", "web-pastebin-zzGeDfe3-8.3.10-two-minors.txt"),
                sample("drbd", "web-pastebin-zzGeDfe3-8.3.10-two-minors.txt")));
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, t -> ok(proc.remove(0)).apply(t), DrbdReader.DMESG, ok(""),
                DrbdReader.DRBDADM_DUMP, t -> new SshRunner.Result(1, "", "'all' not defined in your config (for this host).\n",
                        Duration.ofMillis(5))));
        Hands clock = new Hands();
        DrbdReader reader = new DrbdReader(NodeTarget.local("drbd-a"), ssh, Duration.ofSeconds(3), clock);
        Observation<DrbdStatus> first = reader.read();
        assertThat(first.isOk()).isTrue();
        assertThat(first.value().config().error()).isEqualTo("drbdadm dump all on drbd-a: exit 1: 'all' not defined in "
                + "your config (for this host).");
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        reader.read();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        reader.read();                      // ten minutes on: asked again
        reader.read();                      // a second minor appears: asked again on the next reading
        reader.read();
        assertThat(ssh.asked()).extracting(l -> l.contains("drbdadm dump all")).containsExactly(true, false, true, false, true);
    }

    @Test
    void aStandAloneResourceGetsTheSplitBrainItsKernelReported() throws IOException {
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok(sample("drbd", "lab-sim-8.4-split-brain-drbd-a.txt")),
                DrbdReader.DMESG, ok(sample("drbd-kernel-log", "lab-sim-8.4-split-brain-dmesg-drbd-a.txt"))));
        DrbdStatus st = read(ssh).value();
        assertThat(st.kernelLog().read()).isTrue();
        assertThat(st.splitBrainReported(st.resources().get(0))).hasValueSatisfying(sb -> assertThat(sb.line())
                .isEqualTo("[  1791.585223] block drbd0: Split-Brain detected, dropping connection!"));
    }

    @Test
    void drbd9ReadsStatusThenTheKernelLog() throws IOException {
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok("version: 9.2.8 (api:2/proto:86-122)\n"),
                DrbdReader.DRBDADM_STATUS, ok(sample("drbd", "lab-sim-9-split-brain-drbd-a.txt")),
                DrbdReader.DMESG, ok(sample("drbd-kernel-log", "lab-sim-9-split-brain-dmesg-drbd-a.txt"))));
        DrbdStatus st = read(ssh).value();
        assertThat(ssh.asked()).containsExactly(List.of("cat /proc/drbd", "drbdadm status", "drbdadm dump all", "dmesg"));
        assertThat(st.splitBrainReported(st.resources().get(0))).hasValueSatisfying(sb -> assertThat(sb.peer()).isEqualTo("drbd-b"));
    }

    /** DRBD 9 says "No such resource" of a resource that is down: DRBD not running there, as 8.4's cs:Unconfigured. */
    @Test
    void drbd9sNoSuchResourceIsAResourceDownNotANodeThatCannotBeRead() {
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok("version: 9.2.8 (api:2/proto:86-122)\n"),
                DrbdReader.DRBDADM_STATUS, t -> new SshRunner.Result(10, "", "pc0: No such resource\n", Duration.ofMillis(5)),
                DrbdReader.DMESG, ok("")));
        Observation<DrbdStatus> o = read(ssh);
        assertThat(o.isOk()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.value().resources()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("pc0");
            assertThat(r.unconfigured()).isTrue();
        });
        Scripted broken = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok("version: 9.2.8 (api:2/proto:86-122)\n"),
                DrbdReader.DRBDADM_STATUS, t -> new SshRunner.Result(20, "", "drbdadm: Unknown command 'status'\n",
                        Duration.ofMillis(5))));
        assertThat(read(broken).isOk()).isFalse();
    }

    @Test
    void dmesgRefusedToANonRootUserLeavesTheReadingGoodAndSaysWhy() throws IOException {
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, ok(sample("drbd", "lab-sim-8.4-split-brain-drbd-a.txt")),
                DrbdReader.DMESG, t -> new SshRunner.Result(1, "", "dmesg: read kernel buffer failed: Operation not permitted\n",
                        Duration.ofMillis(5))));
        Observation<DrbdStatus> o = read(ssh);
        assertThat(o.isOk()).isTrue();
        assertThat(o.value().resources().get(0).connection()).hasToString("StandAlone");
        assertThat(o.value().kernelLog().read()).isFalse();
        assertThat(o.value().kernelLog().error())
                .isEqualTo("dmesg on drbd-a: exit 1: dmesg: read kernel buffer failed: Operation not permitted");
    }

    @Test
    void aHungDmesgAfterAQuietReadingGetsOnlyWhatIsLeftOfTheReadAndDoesNotFailIt() throws IOException {
        List<Duration> given = new ArrayList<>();
        List<String> proc = new ArrayList<>(List.of(Recorded.text("drbd-a-proc-drbd.txt"),
                sample("drbd", "lab-sim-8.4-split-brain-drbd-a.txt")));
        Scripted ssh = new Scripted(Map.of(DrbdReader.PROC_DRBD, t -> ok(proc.remove(0)).apply(t),
                DrbdReader.DMESG, t -> {
                    if (proc.size() == 1) {   // the first reading's batch
                        return ok("").apply(t);
                    }
                    given.add(t);
                    throw new ProbeException("timed out after " + t.toMillis() + " ms");
                }));
        DrbdReader reader = new DrbdReader(NodeTarget.local("drbd-a"), ssh, Duration.ofSeconds(3), Clock.systemUTC());
        assertThat(reader.read().value().kernelLog().read()).isFalse();
        Observation<DrbdStatus> o = reader.read();
        assertThat(o.isOk()).isTrue();
        assertThat(given.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(o.value().kernelLog().error()).startsWith("dmesg on drbd-a: timed out after");
    }
}
