package org.orchestratoree.kv;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The IPv4 and IPv6 address of a master's host name, for the {@code /ipv4} and {@code /ipv6} entries. A literal
 * address needs no lookup; a name is resolved with a time limit, because publishing a failover's new master
 * must not wait on a slow DNS. Empty where there is none or the lookup fails.
 */
public record HostAddresses(String ipv4, String ipv6) {

    static final HostAddresses NONE = new HostAddresses("", "");

    public static HostAddresses of(String hostname, Executor executor, Duration limit) {
        CompletableFuture<HostAddresses> lookup = CompletableFuture.supplyAsync(() -> resolve(hostname), executor);
        try {
            return lookup.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            lookup.cancel(true);
            return NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    static HostAddresses resolve(String hostname) {
        try {
            String v4 = "";
            String v6 = "";
            for (InetAddress a : InetAddress.getAllByName(hostname)) {
                if (a instanceof Inet4Address && v4.isEmpty()) {
                    v4 = a.getHostAddress();
                } else if (a instanceof Inet6Address && v6.isEmpty()) {
                    v6 = a.getHostAddress();
                }
            }
            return new HostAddresses(v4, v6);
        } catch (UnknownHostException | SecurityException e) {
            return NONE;
        }
    }
}
