package org.gatehouse.metadata;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The application's one JSON provider. {@code jakarta.json.Json}'s static methods look the
 * provider up through the {@code ServiceLoader} on every call, which scans the class path: on
 * Payara that was a third of the CPU time of every audited write (measured with JDK Flight
 * Recorder during a 100,000-row import). Looked up once here instead.
 */
public final class JsonTexts {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonTexts() {}

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** A builder that starts with the members of an object. */
    public static JsonObjectBuilder object(JsonObject start) {
        return PROVIDER.createObjectBuilder(start);
    }

    /** The JSON object a text holds. */
    public static JsonObject readObject(String text) {
        try (JsonReader reader = reader(text)) {
            return reader.readObject();
        }
    }

    /** A reader of a JSON text; close it after use (try-with-resources). */
    public static JsonReader reader(String text) {
        return PROVIDER.createReader(new StringReader(text));
    }
}
