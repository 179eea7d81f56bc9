package com.engagementledger.engagement.delivery;

import java.time.LocalDate;

/** A release as GET returns it. status is PLANNED or SHIPPED. */
class ReleaseView {
    public String releaseId;
    public String engagementId;
    public String name;
    public LocalDate plannedFor;
    public LocalDate shippedOn;
    public Long daysLate;
    public String status;
}
