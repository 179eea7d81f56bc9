package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.EngagementEvents.EscalationLevel;
import com.engagementledger.contract.Enums.ContractType;
import com.engagementledger.contract.Enums.CoveragePattern;
import com.engagementledger.contract.Enums.EngagementModel;
import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.contract.Enums.ManagementStructure;
import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.contract.Enums.ReviewKind;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;
import com.engagementledger.support.openapi.NullableValues;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The engagement as GET returns it: terms, status, workstreams, ownership matrix, reviews, escalation path. */
public class EngagementView {
    public String engagementId;
    public String name;
    public String clientName;
    public String partnerName;
    public EngagementModel model;
    public ManagementStructure managementStructure;
    public ContractType contractType;
    public String clientTimeZone;
    public String partnerTimeZone;
    public LocalTime overlapStart;
    public LocalTime overlapEnd;
    public CoveragePattern coveragePattern;
    public LocalDate startDate;
    public EngagementStatus status;
    public Instant openedAt;
    public String openedBy;
    public List<Workstream> workstreams = new ArrayList<>();
    /** Every area of the matrix, in DOMAIN.md's order; null where nobody owns it (undefined work). */
    @NullableValues
    public Map<OwnershipArea, Owner> ownership = new LinkedHashMap<>();
    public List<Review> reviews = new ArrayList<>();
    public List<EscalationLevel> escalationPath = new ArrayList<>();

    /** Its conditions in the event's canonical order, also when read back from the stored view. */
    public record Workstream(String workstreamId, String name, WorkType workType,
                             Set<TransferCondition> confirmedConditions, boolean specialistSupportOnly,
                             Instant transferredAt, String transferredBy) {
        public Workstream {
            confirmedConditions = TransferCondition.inDeclarationOrder(confirmedConditions);
        }
    }

    public record Owner(String ownerId, @Nullable String ownerName, Side ownerSide, String reason, Instant since,
                        String changedBy) {
    }

    public record Review(String reviewId, ReviewKind kind, LocalDate heldOn, List<String> attendees,
                         List<String> outcomes, String recordedBy) {
    }
}
