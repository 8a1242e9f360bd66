package io.collectflow.contact.channel;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.collectflow.contact.ContactProperties;

/**
 * A vendor's JSON-over-HTTP API (SMS gateway, IVR) with a bearer token: 5xx answers and I/O errors
 * (timeouts, refused connections) are tried again up to the configured attempts; 4xx means the request
 * itself is wrong for this borrower and is not retried. Callers put a {@code clientReference} in the body,
 * the same for every retry, so the vendor can drop a duplicate after a timeout.
 */
public class HttpGateway {

    private final String name;
    private final ContactProperties.Http config;
    private final RestClient client;

    public HttpGateway(String name, ContactProperties.Http config, RestClient.Builder builder) {
        this.name = name;
        this.config = config;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(config.getConnectTimeout());
        factory.setReadTimeout(config.getReadTimeout());
        this.client = builder.clone().requestFactory(factory).build();
    }

    /** Posts the JSON body and returns the JSON answer as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> post(Map<String, Object> body) {
        RuntimeException last = null;
        int attempts = Math.max(1, config.getAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Map<String, Object> answer = client.post().uri(config.getUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + config.getToken())
                    .body(body)
                    .retrieve()
                    .body(Map.class);
                return answer == null ? Map.of() : answer;
            } catch (HttpClientErrorException e) {
                throw new UndeliverableException(name + " rejected the message: " + e.getStatusCode().value() + " "
                    + e.getResponseBodyAsString());
            } catch (RestClientException e) {
                // 5xx, timeouts, refused connections, a broken answer: the same request again
                last = e;
                pause(attempt, attempts);
            }
        }
        throw new DeliveryException(name + " failed after " + attempts + " attempts: " + last.getMessage(), last);
    }

    private void pause(int attempt, int attempts) {
        if (attempt < attempts) {
            try {
                Thread.sleep(config.getBackoff().toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(name + " interrupted while waiting to retry", e);
            }
        }
    }
}
