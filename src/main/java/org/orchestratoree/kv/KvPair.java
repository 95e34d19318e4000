package org.orchestratoree.kv;

import java.io.Serializable;
import java.util.Objects;

/** One key and its value, as proxies read them: e.g. {@code mysql/master/mycluster} = {@code db1:3306}. */
public record KvPair(String key, String value) implements Serializable {
    public KvPair {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
