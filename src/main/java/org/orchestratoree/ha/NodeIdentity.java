package org.orchestratoree.ha;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's host name, as orchestrator reports it in health and leader answers. */
public final class NodeIdentity {

    private NodeIdentity() {
    }

    public static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
