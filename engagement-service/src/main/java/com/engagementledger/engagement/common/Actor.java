package com.engagementledger.engagement.common;

import com.engagementledger.contract.Enums.Side;

/** Who issues a command: always taken from the caller's token, never from a request body. */
public record Actor(String id, String name, Side side) {
}
