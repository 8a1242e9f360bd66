package io.collectflow.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

/** The response types the API tests read JSON bodies into with {@code TestRestTemplate.exchange}. */
public final class JsonTypes {

    /** A JSON object. */
    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** A JSON array of objects. */
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
        new ParameterizedTypeReference<>() {
        };

    private JsonTypes() {
    }
}
