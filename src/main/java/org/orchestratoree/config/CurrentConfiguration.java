package org.orchestratoree.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The node's configuration as of now. Collaborators call {@link #get()} each time they need a value, so a
 * reload takes effect without a restart.
 */
@ApplicationScoped
public class CurrentConfiguration {

    private static final Logger LOG = Logger.getLogger(CurrentConfiguration.class.getName());

    private final AtomicReference<Configuration> current = new AtomicReference<>();

    public Configuration get() {
        Configuration configuration = current.get();
        if (configuration == null) {
            return reload(Optional.empty());
        }
        return configuration;
    }

    /**
     * Re-reads the start-up file, merged with an optional extra file. Either the new configuration is valid
     * and replaces the old one whole, or a {@link ConfigurationException} is thrown and nothing changes.
     */
    public synchronized Configuration reload(Optional<Path> extraFile) {
        Configuration loaded = ConfigurationLoader.load(ConfigurationLoader.configuredFile(), extraFile);
        Configuration previous = current.getAndSet(loaded);
        if (previous == null || !previous.unusedKeys().equals(loaded.unusedKeys())) {
            if (!loaded.unusedKeys().isEmpty()) {
                LOG.warning("configuration keys accepted but not used by this node: " + loaded.unusedKeys());
            }
        }
        return loaded;
    }
}
