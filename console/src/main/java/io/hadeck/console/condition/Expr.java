package io.hadeck.console.condition;

import io.hadeck.model.ClusterSnapshot;
import java.util.List;

/** The parsed condition tree; evaluation explains itself so a failed assert says why. */
sealed interface Expr {

    Outcome test(ClusterSnapshot s);

    /**
     * Three-valued: {@code known} is false when a field it rests on is unknown (source unreachable,
     * not read yet). Unknown never satisfies a condition, not even under {@code not}.
     */
    record Outcome(boolean met, boolean known, String why) {
        Outcome(boolean met, String why) {
            this(met, true, why);
        }

        static Outcome unknown(String why) {
            return new Outcome(false, false, why);
        }
    }

    record And(List<Expr> parts) implements Expr {
        public Outcome test(ClusterSnapshot s) {
            StringBuilder why = new StringBuilder();
            for (Expr e : parts) {
                Outcome o = e.test(s);
                if (!o.met()) {
                    return o;
                }
                why.append(why.length() == 0 ? "" : "; ").append(o.why());
            }
            return new Outcome(true, why.toString());
        }
    }

    record Or(List<Expr> parts) implements Expr {
        public Outcome test(ClusterSnapshot s) {
            StringBuilder why = new StringBuilder();
            boolean known = true;
            for (Expr e : parts) {
                Outcome o = e.test(s);
                if (o.met()) {
                    return o;
                }
                known &= o.known();
                why.append(why.length() == 0 ? "" : "; ").append(o.why());
            }
            return new Outcome(false, known, why.toString());
        }
    }

    record Not(Expr inner) implements Expr {
        public Outcome test(ClusterSnapshot s) {
            Outcome o = inner.test(s);
            String why = "not (" + o.why() + ")";
            return o.known() ? new Outcome(!o.met(), why) : Outcome.unknown(why);
        }
    }

    /** A field read from the snapshot, e.g. lag(node-3) or drbd(pc0).cs. */
    record FieldRef(Fields.Field field, List<String> args) {
        Value read(ClusterSnapshot s) {
            return field.read(s, args);
        }

        String show() {
            return field.show(args);
        }
    }

    /** A boolean field on its own: {@code ha.failover}, {@code finding(DRBD_SPLIT_BRAIN)}. */
    record Flag(FieldRef ref) implements Expr {
        public Outcome test(ClusterSnapshot s) {
            Value v = ref.read(s);
            String why = ref.show() + " is " + v.show();
            return v.known() ? new Outcome((Boolean) v.raw(), why) : Outcome.unknown(why);
        }
    }

    /** {@code left OP right}; right is a literal or another field. */
    record Compare(FieldRef left, String op, FieldRef rightField, Value rightLiteral) implements Expr {
        public Outcome test(ClusterSnapshot s) {
            Value l = left.read(s);
            Value r = rightField != null ? rightField.read(s) : rightLiteral;
            String rightText = rightField != null ? rightField.show() + " (" + r.show() + ")" : r.show();
            String why = left.show() + " is " + l.show() + ", wanted " + op + " " + rightText;
            if (!l.known() || !r.known()) {
                return Outcome.unknown(why);
            }
            int c = l.type() == Value.Type.TEXT
                    ? String.valueOf(l.raw()).compareToIgnoreCase(String.valueOf(r.raw()))
                    : l.type() == Value.Type.BOOL ? Boolean.compare((Boolean) l.raw(), (Boolean) r.raw())
                    : Double.compare(l.asDouble(), r.asDouble());
            boolean met = switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
            return new Outcome(met, why);
        }
    }
}
