package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;
import com.engagementledger.engagement.web.Plausible;
import com.engagementledger.engagement.web.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Request bodies of the engagement API. Who acts is never in a body: it comes from the token. {@code effectiveAt}
 * (optional, default now): when the change happened, for changes whose fact has no date of its own.
 */
final class EngagementRequests {
    /** An IANA time zone id such as Europe/Berlin. */
    static final String ZONE = "^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$";

    private EngagementRequests() {
    }

    public record OpenEngagementRequest(
            @NotBlank @Size(max = 200) @SafeText String name,
            @NotBlank @Size(max = 200) @SafeText String clientName,
            @NotBlank @Size(max = 200) @SafeText String partnerName,
            @NotNull EngagementModel model,
            @NotNull ManagementStructure managementStructure,
            @NotNull ContractType contractType,
            @NotBlank @Size(max = 64) @Pattern(regexp = ZONE) String clientTimeZone,
            @NotBlank @Size(max = 64) @Pattern(regexp = ZONE) String partnerTimeZone,
            @NotNull LocalTime overlapStart,
            @NotNull LocalTime overlapEnd,
            @NotNull CoveragePattern coveragePattern,
            @NotNull @Plausible LocalDate startDate) {
    }

    public record CoverageRequest(@NotNull CoveragePattern coveragePattern, @NotNull LocalTime overlapStart,
                                  @NotNull LocalTime overlapEnd, @Size(max = 2000) @SafeText String reason,
                                  Instant effectiveAt) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 2000) @SafeText String reason, Instant effectiveAt) {
    }

    public record WorkstreamRequest(@NotBlank @Size(max = 200) @SafeText String name, @NotNull WorkType workType,
                                    Set<@NotNull TransferCondition> confirmedConditions, Instant effectiveAt) {
    }

    public record OwnershipRequest(@NotBlank @Size(max = 200) @SafeText String ownerId,
                                   @Size(max = 200) @SafeText String ownerName,
                                   @NotNull Side ownerSide,
                                   @NotBlank @Size(max = 2000) @SafeText String reason, Instant effectiveAt) {
    }

    public record ReviewRequest(@NotNull ReviewKind kind, @NotNull @Plausible LocalDate heldOn,
                                @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) @SafeText String> attendees,
                                @Size(max = 100) List<@NotBlank @Size(max = 2000) @SafeText String> outcomes) {
    }

    public record EscalationLevelRequest(@NotBlank @Size(max = 200) @SafeText String name,
                                         @NotBlank @Size(max = 500) @SafeText String contact,
                                         @NotNull Side side) {
    }

    public record EscalationPathRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull EscalationLevelRequest> levels,
                                        Instant effectiveAt) {
    }
}
