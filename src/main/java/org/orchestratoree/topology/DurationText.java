package org.orchestratoree.topology;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orchestrator's short durations: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1w}, or bare seconds. */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d+)([smhdw]?)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException "invalid duration: 'abc'" for anything else */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw invalid(text);
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        long unitSeconds = switch (m.group(2)) {
            case "", "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 604_800;
        };
        try {
            return Duration.ofSeconds(Math.multiplyExact(amount, unitSeconds));
        } catch (ArithmeticException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration: '" + text + "'");
    }
}
