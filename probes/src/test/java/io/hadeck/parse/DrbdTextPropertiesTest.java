package io.hadeck.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a node prints, the parser answers with a DrbdStatus or a ParseException, never anything else. */
class DrbdTextPropertiesTest {

    static final List<String> SAMPLES = load();

    static List<String> load() {
        try (var s = Files.list(DrbdSamplesTest.DIR)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().map(DrbdTextPropertiesTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void parsesOrRefuses(String text) {
        try {
            assertThat(DrbdText.parse(text)).isNotNull();
        } catch (ParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void randomTextOnlyEverThrowsParseException(@ForAll String text) {
        parsesOrRefuses(text);
    }

    @Property(tries = 3000)
    void mutatedSamplesOnlyEverThrowParseException(@ForAll("mutated") String text) {
        parsesOrRefuses(text);
    }

    /** Without DrbdText's safety net: the parsers themselves must refuse cleanly. */
    @Property(tries = 3000)
    void eachParserAloneOnlyEverThrowsParseException(@ForAll("mutated") String text) {
        for (java.util.function.Function<String, ?> parser : List.<java.util.function.Function<String, ?>>of(
                Drbd84Parser::parse, Drbd9StatusParser::parse)) {
            try {
                parser.apply(text);
            } catch (ParseException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 1000)
    void drbdLookingLinesOnlyEverThrowParseException(@ForAll("drbdish") String text) {
        parsesOrRefuses(text);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLES);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 12);
        Arbitrary<String> insert = Arbitraries.strings().withChars(" \t\n:/%()[]=>.,-0123456789abcKM").ofMaxLength(8);
        return Combinators.combine(sample, pos, len, insert).as((s, p, l, ins) -> {
            int at = Math.min(p % (s.length() + 1), s.length());
            int end = Math.min(s.length(), at + l);
            return s.substring(0, at) + ins + s.substring(end);
        });
    }

    @Provide
    Arbitrary<String> drbdish() {
        Arbitrary<String> token = Arbitraries.of("version:", "GIT-hash:", " 0:", "cs:", "ro:", "st:", "ds:", "ns:",
                "oos:", "sync'ed:", "finish:", "speed:", "want:", "K/sec", "[==>..]", "role:", "disk:", "peer-disk:",
                "replication:", "done:", "volume:", "connection:", "  ", "    ", "\n", "1,024", "99999999999999999999",
                "100.5%", "(1/2)K", "Primary/Secondary", "-1", "0:00:12", "pc0", "drbd-b");
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
