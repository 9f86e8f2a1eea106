package io.hadeck.console.condition;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into tokens; words may hold letters, digits, '_', '-', '.' and '/' (pg.primary, node-3, UpToDate/UpToDate). */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '.') {
                Token.Kind k = c == '(' ? Token.Kind.LPAREN : c == ')' ? Token.Kind.RPAREN
                        : c == ',' ? Token.Kind.COMMA : Token.Kind.DOT;
                out.add(new Token(k, String.valueOf(c), col));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1 < text.length() && text.charAt(i + 1) == '=' ? i + 2 : i + 1;
                String op = text.substring(i, end);
                if (op.equals("=") || op.equals("!")) {
                    throw new ConditionException(col, "'" + op + "' is not an operator (use == or !=)");
                }
                out.add(new Token(Token.Kind.OP, op, col));
                i = end;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConditionException(col, "unterminated string");
                }
                out.add(new Token(Token.Kind.STRING, text.substring(i + 1, end), col));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                out.add(new Token(Token.Kind.NUMBER, text.substring(i, end), col));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                out.add(new Token(Token.Kind.WORD, text.substring(i, end), col));
                i = end;
            } else {
                throw new ConditionException(col, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Token.Kind.END, "", text.length() + 1));
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }
}
