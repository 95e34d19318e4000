package org.orchestratoree.topology;

/** A position in a binary or relay log. */
public record BinlogCoordinates(String logFile, long logPos) {
    public static final BinlogCoordinates NONE = new BinlogCoordinates("", 0);

    public boolean isEmpty() {
        return logFile == null || logFile.isEmpty();
    }

    @Override
    public String toString() {
        return logFile + ":" + logPos;
    }
}
