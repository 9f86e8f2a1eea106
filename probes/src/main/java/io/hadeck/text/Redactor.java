package io.hadeck.text;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor: every text that can hold a URL or a secret passes it before it reaches a
 * screen, JSON, the log or the audit log. It removes URL credentials ({@code http://u:p@h} →
 * {@code http://***@h}), Authorization header values, {@code password=}/{@code password:} values
 * (not a {@code {file: …}} or {@code {env: …}} reference, which names where a secret is, not what it is,
 * nor a value already masked: exactly {@code ***}; a password that merely starts with {@code *} or
 * {@code {} is masked like any other),
 * and every secret value hadeck has read this run (so a server echoing a password back cannot
 * leak it either).
 */
public final class Redactor {
    public static final String MASK = "***";

    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s@\"']*@");
    private static final Pattern AUTH = Pattern.compile("(?i)\\b(authorization\"?\\s*[:=]\\s*\"?)(basic|bearer|apikey)?\\s*[^\\s\",}]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b((?:password|passwd|pwd|secret|token)\"?\\s*[:=]\\s*\"?)(?!\\{\\s*(?:file|env)\\s*:|\\*\\*\\*(?![^\\s\",}&;]))[^\\s\",}&;]+");
    /** Values shorter than this are not searched for: "1" or "ab" would mask ordinary text. */
    private static final int MIN_REMEMBERED = 4;
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private Redactor() {
    }

    /** Called wherever a secret's value is read, so it is masked wherever it turns up later. */
    public static void remember(String secretValue) {
        if (secretValue != null && secretValue.length() >= MIN_REMEMBERED) {
            REMEMBERED.add(secretValue);
        }
    }

    public static String redact(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String r = s;
        for (String secret : REMEMBERED) {
            if (r.contains(secret)) {
                r = r.replace(secret, MASK);
            }
        }
        r = USERINFO.matcher(r).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        r = AUTH.matcher(r).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return KEY_VALUE.matcher(r).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /** Redacted and escaped for a terminal: what every outside text needs before it is printed. */
    public static String forTerminal(String s) {
        return TerminalText.escape(redact(s));
    }
}
