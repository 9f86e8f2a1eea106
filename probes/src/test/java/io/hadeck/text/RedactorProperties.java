package io.hadeck.text;

import io.hadeck.model.Observation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Wherever a credential is written into a text, the redacted text no longer holds it. */
class RedactorProperties {

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars('@', '/', '"', '\'', '?', '#')
                .ofMinLength(6).ofMaxLength(24).filter(s -> !s.contains("***"));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12);
    }

    @Property
    void urlCredentialsNeverSurvive(@ForAll("words") String before, @ForAll("secrets") String password,
                                    @ForAll("words") String after) {
        String text = before + " http://root:" + password + "@10.0.0.1:2379/v3 " + after;
        assertThat(Redactor.redact(text)).doesNotContain(password).contains("http://***@10.0.0.1:2379/v3");
    }

    @Property
    void passwordAssignmentsNeverSurvive(@ForAll("secrets") String password) {
        String p = password.replaceAll("[\\s\",}&;=:]", "x");
        assertThat(Redactor.redact("connect failed: password=" + p + " user=x")).doesNotContain(p);
        assertThat(Redactor.redact("{\"password\" : \"" + p + "\"}")).doesNotContain(p);
        assertThat(Redactor.redact("Authorization: Basic " + p)).doesNotContain(p);
    }

    @Property
    void aRememberedSecretIsMaskedWhereverItTurnsUp(@ForAll("secrets") String secret, @ForAll("words") String a,
                                                    @ForAll("words") String b) {
        Redactor.remember(secret);
        assertThat(Redactor.redact(a + secret + b)).doesNotContain(secret);
    }

    @Property
    void textWithoutSecretsIsUnchanged(@ForAll @StringLength(max = 80) String plain) {
        String t = plain.replaceAll("(?i)password|passwd|pwd|secret|token|authorization|://", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(t.length() > 0);
        // remembered secrets of other properties may appear by chance only in strings of 6+ symbols
        if (t.length() < 6) {
            assertThat(Redactor.redact(t)).isEqualTo(t);
        }
    }

    @Test
    void aPasswordThatStartsWithAStarOrABraceIsMaskedLikeAnyOther() {
        // jqwik generated "*!!!!!" and "{!!!!!": the rules that leave a masked value and a {file: …} alone let them through
        assertThat(Redactor.redact("connect failed: password=*!!!!! user=x")).doesNotContain("*!!!!!");
        assertThat(Redactor.redact("connect failed: password={!!!!! user=x")).doesNotContain("{!!!!!");
        assertThat(Redactor.redact("password: {env: HADECK_PG_PASSWORD}")).isEqualTo("password: {env: HADECK_PG_PASSWORD}");
        assertThat(Redactor.redact("{\"password\": \"*hunter2\"}")).doesNotContain("hunter2");
        assertThat(Redactor.redact("password=*** user=x")).isEqualTo("password=*** user=x");
    }

    @Test
    void aSecretsReferenceIsNotASecret() {
        String hint = "write username: and password: {file: /path/to/file} instead";
        assertThat(Redactor.redact(hint)).isEqualTo(hint);
    }

    @Test
    void anObservationErrorIsRedactedAndEscapedWhereItIsMade() {
        Observation<String> o = Observation.failed("GET http://u:pw1234@h:8008/ said \033]52;c;aGk=\007",
                Instant.EPOCH, Duration.ZERO);
        assertThat(o.error()).isEqualTo("GET http://***@h:8008/ said \\x1b]52;c;aGk=\\x07");
    }
}
