package org.orchestratoree.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds a fresh MicroProfile {@link Config} from the default sources (system properties, environment,
 * microprofile-config.properties) plus orchestrator's JSON file(s), and reads it. A fresh Config per load
 * means a reload never sees cached values.
 */
public final class ConfigurationLoader {

    /** System property naming the JSON configuration file. */
    public static final String FILE_PROPERTY = "orchestrator.config";
    /** Environment variable naming the JSON configuration file. */
    public static final String FILE_ENV = "ORCHESTRATOR_CONFIG";

    private ConfigurationLoader() {
    }

    /** The configuration file this node was started with, if any. */
    public static Optional<Path> configuredFile() {
        String path = System.getProperty(FILE_PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(FILE_ENV);
        }
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /**
     * Loads the main file and, optionally, an extra file whose keys take precedence over the main file's
     * (orchestrator's {@code reload-configuration?config=FILE}).
     */
    public static Configuration load(Optional<Path> file, Optional<Path> extraFile) {
        List<ConfigSource> sources = new java.util.ArrayList<>();
        Set<String> fileKeys = new LinkedHashSet<>();
        file.ifPresent(f -> sources.add(JsonFileConfigSource.read(f, JsonFileConfigSource.ORDINAL)));
        extraFile.ifPresent(f -> sources.add(JsonFileConfigSource.read(f, JsonFileConfigSource.ORDINAL + 10)));
        sources.forEach(s -> fileKeys.addAll(s.getPropertyNames()));
        ClassLoader loader = ConfigurationLoader.class.getClassLoader();
        Config config = ConfigProviderResolver.instance().getBuilder()
                .forClassLoader(loader)
                .addDefaultSources()
                .withSources(sources.toArray(ConfigSource[]::new))
                .build();
        return new ConfigurationReader(config).read(file.orElse(null), fileKeys);
    }
}
