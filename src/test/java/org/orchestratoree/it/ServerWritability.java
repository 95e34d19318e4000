package org.orchestratoree.it;

import java.util.function.IntFunction;

/**
 * Asks a sandbox server itself whether it is writable ({@code @@read_only}). A server that cannot be asked
 * fails the test: "not writable" must never be the answer to an SQL or sandbox error, or a negative check
 * (no promotion, a demoted master) would pass on any failure.
 */
final class ServerWritability {

    private final IntFunction<String> readOnly;

    private ServerWritability(IntFunction<String> readOnly) {
        this.readOnly = readOnly;
    }

    /** The default sandbox (bin/sandbox without a port base), for the tests written against 10111-10114. */
    static ServerWritability defaultSandbox() {
        return new ServerWritability(port -> Sandbox.sql(port, "SELECT @@read_only"));
    }

    static ServerWritability of(Sandbox.Site site) {
        return new ServerWritability(port -> site.sql(port, "SELECT @@read_only"));
    }

    /** @throws AssertionError when the server does not answer or answers something other than 0 or 1 */
    boolean writable(int port) {
        String value;
        try {
            value = readOnly.apply(port);
        } catch (AssertionError e) {
            throw new AssertionError("cannot ask " + port + " for @@read_only: " + e.getMessage(), e);
        }
        return switch (value) {
            case "0" -> true;
            case "1" -> false;
            default -> throw new AssertionError(port + " answered @@read_only = '" + value + "'");
        };
    }
}
