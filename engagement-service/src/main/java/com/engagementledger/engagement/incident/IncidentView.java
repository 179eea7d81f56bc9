package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.IncidentStatus;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;
import org.springframework.lang.Nullable;

import java.time.Instant;

/** An incident as GET returns it. */
public class IncidentView {
    public String incidentId;
    public String engagementId;
    public Severity severity;
    public String service;
    public String title;
    public Instant detectedAt;
    @Nullable
    public String runbookUrl;
    public boolean startedOutsideOverlap;
    public long acknowledgeTargetMinutes;
    public IncidentStatus status;
    @Nullable
    public Instant acknowledgedAt;
    @Nullable
    public String acknowledgedBy;
    @Nullable
    public Side acknowledgedBySide;
    @Nullable
    public Boolean acknowledgedWithinOverlap;
    @Nullable
    public Boolean acknowledgedWithinTarget;
    @Nullable
    public String escalatedTo;
    @Nullable
    public Instant escalatedAt;
    /** When a mitigation was recorded, or else the resolution's time once the incident is resolved. */
    @Nullable
    public Instant mitigatedAt;
    @Nullable
    public String mitigation;
    @Nullable
    public Instant resolvedAt;
    @Nullable
    public String rootCause;
    @Nullable
    public Instant postmortemPublishedAt;
    @Nullable
    public String postmortemUrl;
}
