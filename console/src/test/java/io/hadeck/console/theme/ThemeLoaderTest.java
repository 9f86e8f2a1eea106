package io.hadeck.console.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeLoaderTest {

    @Test
    void everyBuiltInThemeLoadsAndStylesEveryRole() {
        for (String name : ThemeLoader.BUILT_IN) {
            Theme t = ThemeLoader.load(name);
            assertThat(t.name()).isEqualTo(name);
            for (Role r : Role.values()) {
                assertThat(t.style(r)).as(name + " " + r).isNotNull();
            }
        }
    }

    @Test
    void monochromeUsesNoColourAtAll() {
        Theme mono = ThemeLoader.load("monochrome");
        for (Role r : Role.values()) {
            assertThat(mono.style(r).foreground()).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(mono.style(r).background()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
        assertThat(mono.style(Role.SELECTION).modifiers()).contains(SGR.REVERSE);
    }

    @Test
    void noColorMeansMonochromeWhateverWasAsked() {
        assertThat(ThemeLoader.choose("light", Map.of("NO_COLOR", "1")).name()).isEqualTo("monochrome");
        assertThat(ThemeLoader.choose("light", Map.of("NO_COLOR", "")).name()).isEqualTo("light");
        assertThat(ThemeLoader.choose(null, Map.of()).name()).isEqualTo("dark");
    }

    @Test
    void cyclesThroughTheBuiltIns() {
        assertThat(ThemeLoader.next("dark")).isEqualTo("light");
        assertThat(ThemeLoader.next("monochrome")).isEqualTo("dark");
        assertThat(ThemeLoader.next("my-own")).isEqualTo("dark");
    }

    @Test
    void badThemesSayWhatIsWrongInOneLine() {
        assertThatThrownBy(() -> ThemeLoader.load("nope")).hasMessageContaining("no theme named 'nope'");
        assertThatThrownBy(() -> ThemeLoader.parse("x.json", "{\"roles\":{\"blinky\":{}}}"))
                .hasMessage("x.json: unknown role 'blinky'");
        assertThatThrownBy(() -> ThemeLoader.parse("x.json", "{\"roles\":{\"ok\":{\"fg\":\"mauve\"}}}"))
                .hasMessage("x.json: ok: unknown colour 'mauve'");
        assertThatThrownBy(() -> ThemeLoader.parse("x.json", "{\"roles\":{\"ok\":{\"fg\":300}}}"))
                .hasMessage("x.json: ok: colour index 300 is not 0..255");
        // The operator's typo, reported as such (exit 2), not as hadeck's bug.
        assertThatThrownBy(() -> ThemeLoader.parse("x.json", "{\"roles\":{\"ok\":{\"fg\":\"#zz0000\"}}}"))
                .isInstanceOf(ThemeException.class)
                .hasMessage("x.json: ok: unknown colour '#zz0000'");
    }

    @Test
    void omittedRolesLookLikeText() {
        Theme t = ThemeLoader.parse("x.json", "{\"name\":\"x\",\"roles\":{\"text\":{\"fg\":\"#102030\"}}}");
        assertThat(t.style(Role.CRIT).foreground()).isEqualTo(new TextColor.RGB(0x10, 0x20, 0x30));
    }
}
