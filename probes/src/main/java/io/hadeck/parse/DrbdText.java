package io.hadeck.parse;

import io.hadeck.model.DrbdStatus;

/**
 * DRBD's text, whichever kind a node gave: /proc/drbd of DRBD 8.3/8.4 (starts with its version
 * line), or {@code drbdadm status} of DRBD 9 ({@code NAME role:ROLE} lines). Throws
 * {@link ParseException} and nothing else on text it does not understand.
 */
public final class DrbdText {

    private DrbdText() {
    }

    public static DrbdStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(0, "no DRBD text (empty output)");
        }
        try {
            if (Drbd84Parser.looksLike(text)) {
                return Drbd84Parser.parse(text);
            }
            if (Drbd9StatusParser.looksLike(text)) {
                return Drbd9StatusParser.parse(text);
            }
        } catch (ParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // a parser bug must still reach the operator as "not understood", never as a stack trace
            throw new ParseException(0, "DRBD text not understood (" + e.getClass().getSimpleName() + ")");
        }
        String first = text.strip().lines().findFirst().orElse("");
        throw new ParseException(1, "neither /proc/drbd (version: …) nor drbdadm status (NAME role:…): '"
                + Drbd84Parser.clip(first) + "'");
    }
}
