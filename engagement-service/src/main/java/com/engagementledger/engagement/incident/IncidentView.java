package com.engagementledger.engagement.incident;

import com.engagementledger.contract.Enums.IncidentStatus;
import com.engagementledger.contract.Enums.Severity;
import com.engagementledger.contract.Enums.Side;

import java.time.Instant;

/** An incident as GET returns it. */
public class IncidentView {
    public String incidentId;
    public String engagementId;
    public Severity severity;
    public String service;
    public String title;
    public Instant detectedAt;
    public String runbookUrl;
    public boolean startedOutsideOverlap;
    public long acknowledgeTargetMinutes;
    public IncidentStatus status;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public Side acknowledgedBySide;
    public Boolean acknowledgedWithinOverlap;
    public Boolean acknowledgedWithinTarget;
    public String escalatedTo;
    public Instant escalatedAt;
    /** When a mitigation was recorded, or else the resolution's time once the incident is resolved. */
    public Instant mitigatedAt;
    public String mitigation;
    public Instant resolvedAt;
    public String rootCause;
    public Instant postmortemPublishedAt;
    public String postmortemUrl;
}
