package io.hadeck.parse;

import io.hadeck.model.DrbdStatus;

/**
 * DRBD's text, whichever kind a node gave: /proc/drbd of DRBD 8.3/8.4, or {@code drbdadm status}
 * of DRBD 9. Throws {@link ParseException} and nothing else on text it does not understand.
 */
public final class DrbdText {

    private DrbdText() {
    }

    public static DrbdStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(0, "no DRBD text (empty output)");
        }
        throw new ParseException(1, "DRBD parser not written yet");
    }
}
