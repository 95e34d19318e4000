package org.orchestratoree.kv.consul;

import com.ecwid.consul.ConsulException;
import com.ecwid.consul.transport.TransportException;
import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.ConsulRawClient;
import com.ecwid.consul.v1.OperationException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.message.BasicHeader;
import org.orchestratoree.kv.KvStoreException;

/**
 * The consul-api clients for one Consul agent, on an HTTP client of our own: consul-api's default one waits up
 * to ten minutes for an answer, far too long for a failover that is publishing its new master.
 */
final class ConsulConnection implements AutoCloseable {

    /**
     * Consul's ACL header, a default header of the HTTP client so that the KV and catalog calls, which take no
     * token header from consul-api, all carry it (and the token stays out of URLs and access logs).
     */
    static final String TOKEN_HEADER = "X-Consul-Token";

    private final String baseUrl;
    private final CloseableHttpClient http;
    private final ConsulRawClient raw;
    private final ConsulClient client;

    ConsulConnection(ConsulSettings settings, Duration timeout) {
        this.baseUrl = settings.baseUrl();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis)
                .build();
        List<Header> headers = settings.aclToken().isEmpty()
                ? List.of()
                : List.of(new BasicHeader(TOKEN_HEADER, settings.aclToken()));
        this.http = HttpClientBuilder.create()
                .setDefaultRequestConfig(requestConfig)
                .setDefaultHeaders(headers)
                .setMaxConnPerRoute(16)
                .setMaxConnTotal(64)
                // a failed write is reported to the caller, which decides; a silent retry could reorder writes
                .disableAutomaticRetries()
                .build();
        this.raw = new ConsulRawClient(settings.scheme() + "://" + bracketed(settings.host()), settings.port(), http);
        this.client = new ConsulClient(raw);
    }

    ConsulClient client() {
        return client;
    }

    ConsulRawClient raw() {
        return raw;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Every failure names the Consul it came from, so an operator reading a recovery log knows which one. */
    KvStoreException failure(String what, Exception cause) {
        return new KvStoreException("consul at " + baseUrl + ": " + what + ": " + describe(cause), cause);
    }

    KvStoreException failure(String what) {
        return new KvStoreException("consul at " + baseUrl + ": " + what);
    }

    static String describe(Throwable cause) {
        if (cause instanceof OperationException op) {
            String content = op.getStatusContent() == null ? "" : op.getStatusContent().strip();
            return "HTTP " + op.getStatusCode() + (content.isEmpty() ? "" : " " + content);
        }
        if (cause instanceof TransportException && cause.getCause() != null) {
            Throwable io = cause.getCause();
            return io.getClass().getSimpleName() + (io.getMessage() == null ? "" : " " + io.getMessage());
        }
        if (cause instanceof ConsulException || cause.getMessage() != null) {
            return cause.getClass().getSimpleName() + " " + cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // nothing is pending once the store is closed; the pool is gone either way
        }
    }
}
