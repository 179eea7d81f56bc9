package com.engagementledger.engagement.delivery;

import org.springframework.lang.Nullable;

import java.time.Instant;

/** A work item as GET returns it. status is IN_PROGRESS, DELIVERED or REOPENED. */
class WorkItemView {
    public String workItemId;
    public String engagementId;
    public String title;
    @Nullable
    public String workstreamId;
    public String status;
    public Instant startedAt;
    @Nullable
    public Instant deliveredAt;
    @Nullable
    public Instant reopenedAt;
    public int timesReopened;
}
