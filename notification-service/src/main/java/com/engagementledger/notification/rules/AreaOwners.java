package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.OwnershipArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who owns each ownership area of an engagement (nobody, to begin with). */
@Component
class AreaOwners {
    private final JdbcClient jdbc;

    AreaOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordAllUnowned(EngagementId engagement) {
        for (OwnershipArea area : OwnershipArea.values()) {
            jdbc.sql("insert into ownership_area (engagement_id, area) values (:id, :area) on conflict do nothing")
                    .param("id", engagement.value()).param("area", area.name()).update();
        }
    }

    /** ownerId null: the area has no owner any more. */
    void recordOwner(EngagementId engagement, OwnershipArea area, String ownerId) {
        jdbc.sql("""
                        insert into ownership_area (engagement_id, area, owner_id) values (:id, :area, :owner)
                        on conflict (engagement_id, area) do update set owner_id = excluded.owner_id""")
                .param("id", engagement.value()).param("area", area.name()).param("owner", ownerId).update();
    }
}
