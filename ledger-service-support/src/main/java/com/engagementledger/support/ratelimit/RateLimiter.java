package com.engagementledger.support.ratelimit;

import com.engagementledger.support.ratelimit.RateLimitProperties.Limit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Comparator;

/**
 * One Bucket4j token bucket per client and limit. A bucket idle for as long as the slowest limit takes to refill
 * completely is full again, so dropping it then changes nothing: that bounds the memory a flood of new clients takes.
 */
final class RateLimiter {
    private static final long MAX_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitProperties properties) {
        Duration idle = properties.allLimits().stream().map(Limit::refillTime).max(Comparator.naturalOrder())
                .orElseThrow();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle.plusSeconds(1)).maximumSize(MAX_CLIENTS).build();
    }

    /** Takes a request's token: 0 when the client may go on, else the nanoseconds until it may. */
    long take(String client, Limit limit) {
        ConsumptionProbe probe = bucket(client, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Gives back a token taken for a request that turned out not to count against this bucket. */
    void giveBack(String client, Limit limit) {
        bucket(client, limit).addTokens(1);
    }

    private Bucket bucket(String client, Limit limit) {
        return buckets.get(client + "|" + limit.requestsPerSecond() + "/" + limit.burst(), key -> bucket(limit));
    }

    private static Bucket bucket(Limit limit) {
        // one token every 1/rate seconds, refilled continuously (greedy) as the hand-written bucket did
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1e9 / limit.requestsPerSecond())));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, perToken).build())
                .build();
    }
}
