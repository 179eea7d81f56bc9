package com.engagementledger.intake.fact;

import java.util.List;

/** What a delivery means for the ledger: facts to record, or none and why. */
public record Mapping(List<Fact> facts, String ignoredBecause) {

    public Mapping {
        facts = List.copyOf(facts);
    }

    public static Mapping of(Fact... facts) {
        return new Mapping(List.of(facts), null);
    }

    public static Mapping ignored(String because) {
        return new Mapping(List.of(), because);
    }

    public boolean isIgnored() {
        return ignoredBecause != null;
    }
}
