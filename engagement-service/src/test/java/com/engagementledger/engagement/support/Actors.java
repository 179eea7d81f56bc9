package com.engagementledger.engagement.support;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.common.Actor;

/** People who act in the aggregate tests. */
public final class Actors {
    public static final Actor CLIENT_LEAD = new Actor("anna", "Anna (client lead)", Side.CLIENT);
    public static final Actor CLIENT_CTO = new Actor("carl", "Carl (client CTO)", Side.CLIENT);
    public static final Actor PARTNER_LEAD = new Actor("ravi", "Ravi (partner lead)", Side.PARTNER);

    private Actors() {
    }
}
