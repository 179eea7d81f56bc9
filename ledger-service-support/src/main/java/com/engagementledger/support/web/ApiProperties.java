package com.engagementledger.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.api.*} knobs shared by every service's HTTP edge (the rate limit has its own,
 * {@code ledger.api.rate-limit.*}).
 *
 * @param maxBodyBytes bodies larger than this are refused with 413 (default 256 KiB)
 */
@ConfigurationProperties("ledger.api")
public record ApiProperties(DataSize maxBodyBytes) {
    public ApiProperties {
        if (maxBodyBytes == null) {
            maxBodyBytes = DataSize.ofKilobytes(256);
        }
    }
}
