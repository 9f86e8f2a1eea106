package io.hadeck.config.load;

import java.net.URI;
import java.net.URISyntaxException;

/** What an endpoint in the configuration may look like: a URL without credentials, or host:port. */
final class EndpointSyntax {
    private EndpointSyntax() {
    }

    static final String USERINFO_PROBLEM = "credentials inside a URL are refused (the value is not shown here); "
            + "write username: and password: {file: /path/to/file} instead";

    /** scheme://user[:password]@host: whatever the URL's syntax otherwise is. */
    static boolean hasUserInfo(String v) {
        int scheme = v.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String rest = v.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end).contains("@");
    }

    static boolean url(String v) {
        try {
            URI u = new URI(v);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && u.getPort() <= 65535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean hostPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String host = v.substring(0, colon);
        String port = v.substring(colon + 1);
        boolean hostOk = host.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}") || host.matches("\\[[0-9A-Fa-f:.]{2,45}]");
        return hostOk && port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    }
}
