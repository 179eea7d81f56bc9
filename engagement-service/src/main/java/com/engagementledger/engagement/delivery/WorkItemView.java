package com.engagementledger.engagement.delivery;

import java.time.Instant;

/** A work item as GET returns it. status is IN_PROGRESS, DELIVERED or REOPENED. */
class WorkItemView {
    public String workItemId;
    public String engagementId;
    public String title;
    public String workstreamId;
    public String status;
    public Instant startedAt;
    public Instant deliveredAt;
    public Instant reopenedAt;
    public int timesReopened;
}
