package io.hadeck.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads text that comes from outside (a config file, a file to parse, stdin) with a size limit,
 * refusing binary input with where it is: hadeck must answer {@code /dev/zero} with one line, not
 * run out of memory. Escape characters are text here; they are escaped when printed.
 */
public final class BoundedText {
    /** Configuration files: far larger than any real one. */
    public static final int CONFIG_LIMIT = 1 << 20;
    /** /proc/drbd, drbdadm status and kernel logs handed to a parser. */
    public static final int PARSE_LIMIT = 8 << 20;

    private BoundedText() {
    }

    /** Input refused before parsing; the message is one line starting with the input's name. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    public static String read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), limit);
        }
    }

    /** At most {@code limit} bytes of UTF-8 text from {@code in}; {@code name} starts every message. */
    public static String read(InputStream in, String name, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        int nul = indexOf(bytes, Math.min(bytes.length, limit));
        if (nul >= 0) {
            throw new Refused(name + ": not text: byte 0x00 at offset " + nul);
        }
        if (bytes.length > limit) {
            throw new Refused(name + ": larger than " + human(limit) + "; hadeck reads at most that much");
        }
        return decode(bytes, name);
    }

    /** UTF-8 or a refusal naming the first bad byte and its offset. */
    public static String decode(byte[] bytes, String name) throws Refused {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = d.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new Refused(name + ": not UTF-8 text: byte 0x" + String.format(Locale.ROOT, "%02x", bytes[at] & 0xff)
                    + " at offset " + at);
        }
        try {
            d.flush(out);
        } catch (IllegalStateException e) {
            throw new Refused(name + ": not UTF-8 text");
        }
        return out.flip().toString();
    }

    /** The offset of the first NUL byte before {@code end}, -1 if none. */
    static int indexOf(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    static String human(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
