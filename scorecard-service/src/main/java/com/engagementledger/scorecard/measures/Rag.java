package com.engagementledger.scorecard.measures;

import java.util.Arrays;
import java.util.Objects;

/** A factor colour. Worse colours have higher ordinals, so the worst of several is their maximum. */
public enum Rag {
    GREEN, AMBER, RED;

    /** For measures where less is better: GREEN under {@code green}, AMBER under {@code amber}, else RED. */
    static Rag lowerIsBetter(Double value, Band band) {
        if (value == null) {
            return null;
        }
        return value < band.green() ? GREEN : value < band.amber() ? AMBER : RED;
    }

    /** For measures where more is better: GREEN at or above {@code green}, AMBER at or above {@code amber}, else RED. */
    static Rag higherIsBetter(Double value, Band band) {
        if (value == null) {
            return null;
        }
        return value >= band.green() ? GREEN : value >= band.amber() ? AMBER : RED;
    }

    /** The worst colour among those measured; a factor with no data yet shows no problem: GREEN. */
    static Rag worst(Rag... colours) {
        return Arrays.stream(colours).filter(Objects::nonNull).max(Enum::compareTo).orElse(GREEN);
    }

    /** Two limits of a threshold: where GREEN ends and where AMBER ends. */
    public record Band(double green, double amber) {
    }
}
