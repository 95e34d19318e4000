package org.orchestratoree.analysis;

/** The code one rule settled on and, in plain words, why. */
record Verdict(AnalysisCode code, String reason) {
}
