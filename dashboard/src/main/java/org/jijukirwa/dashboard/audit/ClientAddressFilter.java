package org.jijukirwa.dashboard.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Behind a reverse proxy every visitor arrives from the proxy's address, so that the per-client bounds (queries at
 * once, sign-in failures) and the audit log would see one visitor. With {@code jijukirwa.server.trusted-proxies} (the
 * proxies' IP addresses, comma-separated; empty by default: nothing forwarded is believed) a request whose connection
 * comes from a trusted proxy is taken to come from the last address in its {@code X-Forwarded-For} chain that is not a
 * trusted proxy: the hop the trusted proxies saw; what comes before it could be written by anyone. Runs before every
 * other filter; {@link AuditLog#clientAddress} answers what it found.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ClientAddressFilter
        implements Ordered
{
    static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".address";
    public static final String PROPERTY = "jijukirwa.server.trusted-proxies";

    private final Set<String> trusted;

    public ClientAddressFilter(@Value("${" + PROPERTY + ":}") String trustedProxies)
    {
        Set<String> addresses = new LinkedHashSet<>();
        for (String address : trustedProxies.split(",")) {
            if (!address.isBlank()) {
                addresses.add(normalise(address).orElseThrow(() -> new IllegalArgumentException(PROPERTY
                        + " must list IP addresses (comma-separated), not '" + address.strip() + "'")));
            }
        }
        this.trusted = Set.copyOf(addresses);
    }

    @Override
    public int getOrder()
    {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    public void resolve(HttpRequest<?> request)
    {
        if (!trusted.isEmpty()) {
            request.setAttribute(ATTRIBUTE, clientOf(AuditLog.connectionAddress(request), request.getHeaders().getAll("X-Forwarded-For")));
        }
    }

    /** The client a request came from, given its connection's address and its X-Forwarded-For header lines, in order. */
    String clientOf(String connection, List<String> forwardedFor)
    {
        if (!trusted.contains(normalise(connection).orElse(connection))) {
            return connection;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(line -> hops.addAll(List.of(line.split(","))));
        String client = connection;
        for (int index = hops.size() - 1; index >= 0; index--) {
            Optional<String> hop = normalise(hops.get(index));
            if (hop.isEmpty()) {
                return client;  // a malformed hop: believe nothing before it
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                return client;
            }
        }
        return client;
    }

    /** An IP address literal in one spelling (never a DNS lookup); empty for anything else. */
    static Optional<String> normalise(String address)
    {
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+") || !(text.contains(".") || text.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress().toLowerCase(Locale.ROOT));
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
