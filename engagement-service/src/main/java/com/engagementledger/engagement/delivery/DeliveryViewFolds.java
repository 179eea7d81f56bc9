package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;
import java.util.function.Function;

/** Views of delivery facts: work items and releases change over time; defects and ratings are their one event. */
@Configuration(proxyBeanMethods = false)
class DeliveryViewFolds {
    public static final String WORK_ITEM = "work-item";
    public static final String RELEASE = "release";
    public static final String DEFECT = "defect";
    public static final String RATING = "satisfaction-rating";

    @Bean
    ViewFold<WorkItemView> workItemViewFold() {
        return new ViewFold<>() {
            public String kind() {
                return WORK_ITEM;
            }

            public Class<WorkItemView> type() {
                return WorkItemView.class;
            }

            public Optional<String> idOf(LedgerEvent event) {
                if (event instanceof WorkItemStarted e) {
                    return Optional.of(e.workItemId());
                } else if (event instanceof WorkItemDelivered e) {
                    return Optional.of(e.workItemId());
                } else if (event instanceof WorkItemReopened e) {
                    return Optional.of(e.workItemId());
                }
                return Optional.empty();
            }

            public WorkItemView apply(WorkItemView view, LedgerEvent event, EventContext context) {
                if (event instanceof WorkItemStarted e) {
                    view = new WorkItemView();
                    view.workItemId = e.workItemId();
                    view.engagementId = e.engagementId();
                    view.title = e.title();
                    view.workstreamId = e.workstreamId();
                    view.startedAt = e.startedAt();
                    view.status = "IN_PROGRESS";
                } else if (event instanceof WorkItemDelivered e) {
                    view.deliveredAt = e.deliveredAt();
                    view.status = "DELIVERED";
                } else if (event instanceof WorkItemReopened e) {
                    view.reopenedAt = e.reopenedAt();
                    view.timesReopened++;
                    view.status = "REOPENED";
                }
                return view;
            }
        };
    }

    @Bean
    ViewFold<ReleaseView> releaseViewFold() {
        return new ViewFold<>() {
            public String kind() {
                return RELEASE;
            }

            public Class<ReleaseView> type() {
                return ReleaseView.class;
            }

            public Optional<String> idOf(LedgerEvent event) {
                if (event instanceof ReleasePlanned e) {
                    return Optional.of(e.releaseId());
                } else if (event instanceof ReleaseShipped e) {
                    return Optional.of(e.releaseId());
                }
                return Optional.empty();
            }

            public ReleaseView apply(ReleaseView view, LedgerEvent event, EventContext context) {
                if (event instanceof ReleasePlanned e) {
                    view = new ReleaseView();
                    view.releaseId = e.releaseId();
                    view.engagementId = e.engagementId();
                    view.name = e.name();
                    view.plannedFor = e.plannedFor();
                    view.status = "PLANNED";
                } else if (event instanceof ReleaseShipped e) {
                    view.shippedOn = e.shippedOn();
                    view.daysLate = e.daysLate();
                    view.status = "SHIPPED";
                }
                return view;
            }
        };
    }

    @Bean
    ViewFold<DefectFound> defectViewFold() {
        return fact(DEFECT, DefectFound.class, DefectFound::defectId);
    }

    @Bean
    ViewFold<SatisfactionRated> ratingViewFold() {
        return fact(RATING, SatisfactionRated.class, SatisfactionRated::ratingId);
    }

    /** A fact recorded once: its view is the event itself. */
    private static <E extends LedgerEvent> ViewFold<E> fact(String kind, Class<E> type, Function<E, String> id) {
        return new ViewFold<>() {
            public String kind() {
                return kind;
            }

            public Class<E> type() {
                return type;
            }

            public Optional<String> idOf(LedgerEvent event) {
                return type.isInstance(event) ? Optional.of(id.apply(type.cast(event))) : Optional.empty();
            }

            public E apply(E view, LedgerEvent event, EventContext context) {
                return type.cast(event);
            }
        };
    }
}
