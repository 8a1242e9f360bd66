package io.collectflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The 400 answer of a JSON body that cannot be read: {"error": "field: not a valid value …", "field": …}
 * when Jackson names the field (a date that is not yyyy-MM-dd, text where a number belongs).
 */
public final class UnreadableJson {

    private UnreadableJson() {
    }

    public static ResponseEntity<Map<String, String>> answer(HttpMessageNotReadableException e) {
        Map<String, String> body = new LinkedHashMap<>();
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() != null) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            body.put("error", field + ": not a valid value (dates yyyy-MM-dd, amounts and ratings as numbers)");
            body.put("field", field);
        } else {
            body.put("error", "the request body is not valid JSON");
        }
        return ResponseEntity.badRequest().body(body);
    }
}
