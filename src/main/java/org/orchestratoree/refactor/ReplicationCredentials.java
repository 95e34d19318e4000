package org.orchestratoree.refactor;

import java.util.Optional;

/**
 * A replication user and password. The password never leaves this value in text: {@link #toString()} hides it,
 * so a credential that ends up in a log line, an audit entry or a recovery step says nothing.
 */
public record ReplicationCredentials(String user, String password) {

    public ReplicationCredentials {
        password = password == null ? "" : password;
    }

    /** Credentials with a user; a blank user means the source had none. */
    public static Optional<ReplicationCredentials> of(String user, String password) {
        return user == null || user.isBlank() ? Optional.empty() : Optional.of(new ReplicationCredentials(user, password));
    }

    /** The text with every occurrence of the password masked, for messages that may quote a statement. */
    public String redact(String text) {
        return text == null || password.isEmpty() ? text : text.replace(password, "****");
    }

    @Override
    public String toString() {
        return "ReplicationCredentials[user=" + user + ", password=****]";
    }
}
