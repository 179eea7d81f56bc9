package com.engagementledger.engagement.delivery;

import org.springframework.lang.Nullable;

import java.time.LocalDate;

/** A release as GET returns it. status is PLANNED or SHIPPED. */
class ReleaseView {
    public String releaseId;
    public String engagementId;
    public String name;
    public LocalDate plannedFor;
    @Nullable
    public LocalDate shippedOn;
    @Nullable
    public Long daysLate;
    public String status;
}
