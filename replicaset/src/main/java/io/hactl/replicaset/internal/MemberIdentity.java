package io.hactl.replicaset.internal;

/**
 * This member's client address ("host:port"), known once the listening socket is bound (the port
 * may have been chosen by the system).
 */
public final class MemberIdentity {

    private volatile String address = "";

    public String address() {
        return address;
    }

    public void bound(String host, int port) {
        this.address = host + ":" + port;
    }
}
