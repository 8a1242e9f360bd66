package io.collectflow.complaint.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A field that must be a JSON string (or null): a number, boolean, object or array is refused instead of being
 * turned into text, so a client that sends {@code "text": 12345} hears that its field is wrong (CONTRACT
 * "Complaints" gives every field as a string).
 */
final class JsonText extends StdScalarDeserializer<String> {

    JsonText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(String.class, parser.currentToken(), parser,
            "must be a JSON string");
    }
}
