package io.hadeck.console.condition;

import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import io.hadeck.console.condition.Token.Kind;
import io.hadeck.console.condition.Value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive descent over the grammar in conditions.md. Everything (syntax, field names, types,
 * node and resource names when a vocabulary is given) is checked here, before anything runs.
 */
final class Parser {

    private final List<Token> tokens;
    private final Vocabulary vocabulary;
    private int pos;

    Parser(String text, Vocabulary vocabulary) {
        this.tokens = Lexer.tokens(text);
        this.vocabulary = vocabulary;
    }

    Expr parse() {
        if (peek().is(Kind.END)) {
            throw new ConditionException(1, "empty condition (example: pg.streaming >= 2)");
        }
        Expr e = or();
        if (!peek().is(Kind.END)) {
            throw error(peek(), "expected 'and', 'or' or the end, got " + peek().describe());
        }
        return e;
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("or")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>(List.of(unary()));
        while (peek().isWord("and")) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr unary() {
        Token t = peek();
        if (t.isWord("not")) {
            pos++;
            return new Expr.Not(unary());
        }
        if (t.is(Kind.LPAREN)) {
            pos++;
            Expr inner = or();
            expect(Kind.RPAREN, "expected ')' to close the '(' at column " + t.column());
            return inner;
        }
        return test();
    }

    private Expr test() {
        Token start = peek();
        if (!start.is(Kind.WORD) || isKeyword(start)) {
            throw error(start, "expected a field such as pg.streaming, got " + start.describe());
        }
        Expr.FieldRef left = field(true);
        Token op = peek();
        if (!op.is(Kind.OP)) {
            if (left.field().type() == Type.BOOL) {
                return new Expr.Flag(left);
            }
            throw error(op, "expected a comparison operator (== != < <= > >=) after " + left.show()
                    + ", got " + op.describe());
        }
        pos++;
        Type lt = left.field().type();
        if (!op.text().equals("==") && !op.text().equals("!=") && !lt.numeric()) {
            throw error(op, "'" + op.text() + "' needs a number but " + left.show() + " is " + lt.noun());
        }
        Token r = peek();
        if (r.is(Kind.WORD) && !isKeyword(r) && isField(r)) {
            Expr.FieldRef right = field(false);
            Type rt = right.field().type();
            if (rt != lt) {
                throw error(r, right.show() + " is " + rt.noun() + " but " + left.show() + " is " + lt.noun());
            }
            return new Expr.Compare(left, op.text(), right, null);
        }
        return new Expr.Compare(left, op.text(), null, literal(lt, left.show()));
    }

    private Value literal(Type want, String leftName) {
        Token t = next();
        if (t.is(Kind.END) || t.is(Kind.RPAREN) || t.is(Kind.OP) || isKeyword(t)) {
            throw error(t, "expected a value to compare " + leftName + " with, got " + t.describe());
        }
        String s = t.text();
        switch (want) {
            case BOOL -> {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Value.bool(Boolean.parseBoolean(s.toLowerCase()));
                }
                throw error(t, leftName + " is true/false, got " + t.describe());
            }
            case TEXT -> {
                return Value.text(s);
            }
            case BYTES -> {
                Optional<Long> b = t.is(Kind.NUMBER) ? Sizes.parse(s) : Optional.empty();
                return Value.number(Type.BYTES, b.orElseThrow(() ->
                        error(t, leftName + " is a size; expected a size like 16MB, got " + t.describe())));
            }
            case SECONDS -> {
                Optional<java.time.Duration> d = t.is(Kind.NUMBER) ? Durations.parse(s) : Optional.empty();
                return Value.number(Type.SECONDS, d.orElseThrow(() ->
                        error(t, leftName + " is a duration; expected a duration like 30s, got " + t.describe())).toMillis() / 1000.0);
            }
            default -> {
                if (t.is(Kind.NUMBER) && s.matches("\\d+(\\.\\d+)?")) {
                    return Value.number(Type.NUMBER, Double.parseDouble(s));
                }
                throw error(t, leftName + " is a count; expected a number, got " + t.describe());
            }
        }
    }

    /** WORD ['(' arg {',' arg} ')'] ['.' WORD] */
    private Expr.FieldRef field(boolean mustExist) {
        Token name = next();
        List<String> args = new ArrayList<>();
        List<Token> argTokens = new ArrayList<>();
        String key = name.text();
        if (peek().is(Kind.LPAREN)) {
            Token open = next();
            do {
                Token a = next();
                if (!(a.is(Kind.WORD) || a.is(Kind.NUMBER) || a.is(Kind.STRING))) {
                    throw error(a, "expected a name inside " + key + "(…), got " + a.describe());
                }
                args.add(a.text());
                argTokens.add(a);
            } while (peek().is(Kind.COMMA) && next() != null);
            expect(Kind.RPAREN, "expected ')' to close the '(' at column " + open.column());
            if (peek().is(Kind.DOT)) {
                pos++;
                Token attr = expect(Kind.WORD, "expected a field name after '.'");
                key = key + "." + attr.text();
            }
        }
        String finalKey = key;
        Fields.Field f = Fields.byName(key).orElseThrow(() -> error(name, "unknown field '" + finalKey
                + "' (see: help conditions)"));
        if (args.size() < f.requiredArgs() || args.size() > f.args().size()) {
            throw error(name, f.synopsis() + " takes " + (f.args().isEmpty() ? "no arguments"
                    : f.requiredArgs() == f.args().size() ? f.requiredArgs() + " argument(s)"
                    : f.requiredArgs() + " to " + f.args().size() + " arguments"));
        }
        for (int i = 0; i < args.size(); i++) {
            checkName(f.args().get(i), argTokens.get(i));
        }
        return new Expr.FieldRef(f, List.copyOf(args));
    }

    private void checkName(Fields.Arg kind, Token t) {
        if (vocabulary == null) {
            return;
        }
        List<String> known = switch (kind) {
            case NODE -> vocabulary.nodes();
            case RESOURCE -> vocabulary.resources();
            case CODE -> List.of();
        };
        if (!known.isEmpty() && !known.contains(t.text())) {
            throw error(t, "no " + (kind == Fields.Arg.NODE ? "node" : "DRBD resource") + " '" + t.text()
                    + "' (known: " + String.join(", ", known) + ")");
        }
    }

    /** A word on the right is a field only when it names one; otherwise it is a literal (node-2, green). */
    private boolean isField(Token t) {
        Token after = pos + 1 < tokens.size() ? tokens.get(pos + 1) : t;
        return Fields.byName(t.text()).isPresent() || (after.is(Kind.LPAREN)
                && Fields.all().stream().anyMatch(f -> f.name().equals(t.text()) || f.name().startsWith(t.text() + ".")));
    }

    private static boolean isKeyword(Token t) {
        return t.isWord("and") || t.isWord("or") || t.isWord("not");
    }

    private Token expect(Kind kind, String message) {
        Token t = next();
        if (!t.is(kind)) {
            throw error(t, message + ", got " + t.describe());
        }
        return t;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Kind.END)) {
            pos++;
        }
        return t;
    }

    private static ConditionException error(Token t, String message) {
        return new ConditionException(t.column(), message);
    }
}
