package io.hadeck.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a node sends, what reaches the terminal holds no control character. */
class TerminalTextProperties {

    @Property
    void noControlCharacterSurvivesOneLine(@ForAll @StringLength(max = 200) String any) {
        assertThat(TerminalText.oneLine(any).chars()).noneMatch(TerminalText::isControl);
    }

    @Property
    void multiLineTextKeepsOnlyNewlinesAndTabs(@ForAll @StringLength(max = 200) String any) {
        assertThat(TerminalText.escape(any).chars()).noneMatch(c -> TerminalText.isControl(c) && c != '\n' && c != '\t');
    }

    @Property
    void printableTextPassesUnchanged(@ForAll @Chars({' ', '~', 'é', '✓', '→'}) @CharRange(from = 'a', to = 'z')
                                      @StringLength(max = 100) String printable) {
        assertThat(TerminalText.oneLine(printable)).isEqualTo(printable);
    }

    @Property
    void escapingTwiceChangesNothingMore(@ForAll @StringLength(max = 200) String any) {
        String once = TerminalText.oneLine(any);
        assertThat(TerminalText.oneLine(once)).isEqualTo(once);
    }

    @Property
    void anEscapeSequenceIsShownAsText(@ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 1, max = 20) String title) {
        assertThat(TerminalText.oneLine("\033]0;" + title + "\007")).isEqualTo("\\x1b]0;" + title + "\\x07");
    }
}
