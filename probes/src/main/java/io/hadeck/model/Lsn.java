package io.hadeck.model;

/** A PostgreSQL WAL position, e.g. {@code 0/3000060}: the high and low 32 bits in hex. */
public record Lsn(long value) implements Comparable<Lsn> {

    public static Lsn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no LSN");
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("not an LSN: " + text);
        }
        try {
            long hi = Long.parseLong(text.substring(0, slash), 16);
            long lo = Long.parseLong(text.substring(slash + 1), 16);
            if (hi > 0xFFFFFFFFL || lo > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("not an LSN: " + text);
            }
            return new Lsn((hi << 32) | lo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN: " + text);
        }
    }

    /** Bytes from {@code other} up to this position (negative when this one is behind). */
    public long minus(Lsn other) {
        return value - other.value;
    }

    @Override
    public int compareTo(Lsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return String.format("%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
