package dev.lab.compose;

/**
 * A published port of a service.
 *
 * @param hostIp        the host address to bind, or {@code null} for all addresses
 * @param hostPort      the host port, or 0 when Docker picks one
 * @param containerPort the port inside the container
 */
public record PortMapping(String hostIp, int hostPort, int containerPort) {

    /** The mapping in compose short syntax, e.g. {@code 127.0.0.1:4566:4566}. */
    public String spec() {
        String host = hostPort == 0 ? "" : String.valueOf(hostPort);
        if (hostIp != null) {
            String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
            return ip + ":" + host + ":" + containerPort;
        }
        return hostPort == 0 ? String.valueOf(containerPort) : host + ":" + containerPort;
    }
}
