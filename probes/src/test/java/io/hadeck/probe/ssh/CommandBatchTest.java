package io.hadeck.probe.ssh;

import io.hadeck.probe.ProbeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandBatchTest {

    static final List<List<String>> ASKED = List.of(List.of("cat", "/run/keepalived/VI_1.notify"),
            List.of("findmnt", "-J", "/var/opt/hadeck/drbd/data"), List.of("systemctl", "is-active", "solr"));

    static SshRunner.Result ran(int exit, String out, String err) {
        return new SshRunner.Result(exit, out, err, Duration.ZERO);
    }

    @Test
    void theCommandsRunInOneShellEachFollowedByTheMarkerAndItsExitStatus() {
        assertThat(new CommandBatch(ASKED, "1f").argv()).containsExactly("sh", "-c",
                "cat /run/keepalived/VI_1.notify; echo @@hadeck-1f $?; findmnt -J /var/opt/hadeck/drbd/data; "
                        + "echo @@hadeck-1f $?; systemctl is-active solr; echo @@hadeck-1f $?;");
    }

    @Test
    void eachCommandGetsItsOwnOutputAndExitStatusAlsoWithoutATrailingNewline() {
        List<CommandBatch.Answer> a = new CommandBatch(ASKED, "1f").split(ran(0,
                "state=MASTER\nresult=done@@hadeck-1f 0\n@@hadeck-1f 1\ninactive\n@@hadeck-1f 3\n", ""));
        assertThat(a).extracting(CommandBatch.Answer::exitCode).containsExactly(0, 1, 3);
        assertThat(a).extracting(CommandBatch.Answer::stdout).containsExactly("state=MASTER\nresult=done", "", "inactive\n");
    }

    @Test
    void anOutputThatMimicsAMarkerWithAnotherWordIsJustOutput() {
        List<CommandBatch.Answer> a = new CommandBatch(ASKED, "1f").split(ran(0,
                "@@hadeck-00 0\n@@hadeck-1f 0\n@@hadeck-1f 0\n@@hadeck-1f 0\n", ""));
        assertThat(a.get(0).stdout()).isEqualTo("@@hadeck-00 0\n");
    }

    @Test
    void aLoginThatFailedNamesTheFirstCommandNotAnsweredAndWhy() {
        assertThatThrownBy(() -> new CommandBatch(ASKED, "1f").split(ran(255, "",
                "ssh: connect to host 10.1.0.21 port 22: Connection refused")))
                .isInstanceOf(ProbeException.class)
                .hasMessage("cat /run/keepalived/VI_1.notify: ssh: connection refused");
        assertThatThrownBy(() -> new CommandBatch(ASKED, "1f").split(ran(137, "x\n@@hadeck-1f 0\n", "Killed")))
                .hasMessage("findmnt -J /var/opt/hadeck/drbd/data: exit 137: Killed");
    }
}
