package dev.lab.classroom;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The board's base URL as learners reach it: its own address, or for {@code --bind 0.0.0.0} one on the LAN. */
final class BoardAddress {
    private BoardAddress() {}

    /** {@code http://HOST:PORT} of a server listening on {@code a}. */
    static String base(InetSocketAddress a) {
        String host = a.getAddress().isAnyLocalAddress() ? lanAddress() : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** An address learners on the LAN can reach, loopback when there is none. */
    private static String lanAddress() {
        try {
            for (var nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) continue;
                for (var addr : Collections.list(nif.getInetAddresses())) {
                    if (addr instanceof Inet4Address && addr.isSiteLocalAddress()) return addr.getHostAddress();
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback below
        }
        return "127.0.0.1";
    }
}
