package org.orchestratoree.kv;

/** A key-value store could not be read or written; the message names the store and the cause. */
public class KvStoreException extends RuntimeException {
    public KvStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public KvStoreException(String message) {
        super(message);
    }
}
