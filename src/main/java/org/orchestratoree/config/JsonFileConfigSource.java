package org.orchestratoree.config;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads an orchestrator JSON configuration file as a MicroProfile Config source. Top-level scalars become
 * their text; objects and arrays (ClusterNameToAlias, RaftNodes, ...) stay as JSON text for the typed
 * reader to parse. The ordinal is below system properties and environment variables so they override it.
 */
public final class JsonFileConfigSource implements ConfigSource {

    static final int ORDINAL = 200;

    private final String name;
    private final int ordinal;
    private final Map<String, String> properties;

    private JsonFileConfigSource(String name, int ordinal, Map<String, String> properties) {
        this.name = name;
        this.ordinal = ordinal;
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** Parses the file; a missing or malformed file is a {@link ConfigurationException} naming it. */
    public static JsonFileConfigSource read(Path file, int ordinal) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("configuration file " + file + " does not exist or is not a file");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            JsonValue root = Json.createReader(reader).readValue();
            if (root.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ConfigurationException("configuration file " + file + " must hold a JSON object");
            }
            return new JsonFileConfigSource("json:" + file, ordinal, flatten(root.asJsonObject()));
        } catch (JsonParsingException e) {
            throw new ConfigurationException("configuration file " + file + " is not valid JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw new ConfigurationException("configuration file " + file + " is not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> flatten(JsonObject object) {
        Map<String, String> result = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            switch (value.getValueType()) {
                case STRING -> result.put(key, ((JsonString) value).getString());
                case NULL -> { /* a null means "not set": the default applies */ }
                default -> result.put(key, value.toString());
            }
        });
        return result;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
