package io.hadeck.console.output;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object under construction; keys keep the order they were put in, nulls are kept. */
public final class Obj {

    private final Map<String, Object> map = new LinkedHashMap<>();

    public static Obj of() {
        return new Obj();
    }

    public Obj put(String key, Object value) {
        map.put(key, value instanceof Obj o ? o.map() : value);
        return this;
    }

    public Map<String, Object> map() {
        return map;
    }
}
