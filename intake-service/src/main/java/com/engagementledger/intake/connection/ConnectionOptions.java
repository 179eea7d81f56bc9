package com.engagementledger.intake.connection;

import com.engagementledger.contract.Enums.Severity;
import jakarta.validation.constraints.Size;

/**
 * How a connection's deliveries become facts; each option has a default (the service README lists them).
 *
 * @param defectLabel     an issue with this label is a defect
 * @param productionLabel a defect whose issue also has this label was found in production, else before release
 * @param defectSeverity  the severity recorded for a defect (the tools do not say it in a way all teams share)
 */
public record ConnectionOptions(@Size(min = 1, max = 100) String defectLabel,
                                @Size(min = 1, max = 100) String productionLabel,
                                Severity defectSeverity) {
    public static final ConnectionOptions DEFAULTS = new ConnectionOptions("bug", "production", Severity.SEV3);

    /** Options as given, each missing one by its default. */
    public ConnectionOptions withDefaults() {
        return new ConnectionOptions(defectLabel == null ? DEFAULTS.defectLabel : defectLabel,
                productionLabel == null ? DEFAULTS.productionLabel : productionLabel,
                defectSeverity == null ? DEFAULTS.defectSeverity : defectSeverity);
    }
}
