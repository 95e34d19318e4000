package org.orchestratoree.recovery;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Orchestrator's RecoverMasterClusterFilters / RecoverIntermediateMasterClusterFilters: a cluster is covered
 * by {@code *}, by {@code alias=NAME}, by {@code alias~=REGEX} on its alias, or by a regex on its name.
 */
public final class RecoveryFilters {

    private RecoveryFilters() {
    }

    public static boolean covers(List<String> filters, String clusterName, String clusterAlias) {
        for (String filter : filters) {
            if (filter.equals("*")) {
                return true;
            } else if (filter.startsWith("alias=")) {
                if (filter.substring("alias=".length()).equals(clusterAlias)) {
                    return true;
                }
            } else if (filter.startsWith("alias~=")) {
                if (find(filter.substring("alias~=".length()), clusterAlias)) {
                    return true;
                }
            } else if (find(filter, clusterName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean find(String regex, String text) {
        try {
            return text != null && Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
