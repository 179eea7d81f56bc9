package com.engagementledger.support.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ledger.api.rate-limit.*}: each client with a valid token may send {@code burst} requests at once and
 * {@code requests-per-second} on average. {@code per-role.<ROLE>} gives a role its own limit (a token with several
 * roles gets the most generous of them); every other verified caller gets the default. Requests without a valid
 * token (none, a refused one, a public path) share their remote address's {@code per-address} limit, checked before
 * authentication.
 */
@ConfigurationProperties("ledger.api.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("200") double requestsPerSecond,
                                  @DefaultValue("400") long burst,
                                  Map<String, RoleLimit> perRole,
                                  @DefaultValue PerAddress perAddress) {

    public RateLimitProperties {
        perRole = perRole == null ? Map.of() : Map.copyOf(perRole);
        defaultLimit(requestsPerSecond, burst);
        perAddress.limit();
    }

    /** A role's knobs; one left out is the default's. */
    public record RoleLimit(Double requestsPerSecond, Long burst) {
    }

    /**
     * The limit of one remote address for requests without a valid token. Generous for what such requests are for
     * (a dashboard's static files, a mistyped token), far below what a flood needs.
     */
    public record PerAddress(@DefaultValue("20") double requestsPerSecond, @DefaultValue("100") long burst) {
        public Limit limit() {
            return new Limit(requestsPerSecond, burst);
        }
    }

    /** A resolved limit; equal limits share nothing but their shape. */
    public record Limit(double requestsPerSecond, long burst) {
        public Limit {
            if (requestsPerSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("ledger.api.rate-limit needs requests-per-second > 0 and "
                        + "burst >= 1, not " + requestsPerSecond + " and " + burst);
            }
        }

        /** How long an idle client takes to get a full bucket back. */
        Duration refillTime() {
            return Duration.ofNanos((long) Math.ceil(burst / requestsPerSecond * 1e9));
        }
    }

    public Limit defaultLimit() {
        return defaultLimit(requestsPerSecond, burst);
    }

    private static Limit defaultLimit(double requestsPerSecond, long burst) {
        return new Limit(requestsPerSecond, burst);
    }

    /** The limit of a caller with these roles (none for a caller without a token). */
    public Limit limitFor(Collection<String> roles) {
        return roles.stream().map(perRole::get).filter(Objects::nonNull).map(this::resolve)
                .max(Comparator.comparingDouble(Limit::requestsPerSecond).thenComparingLong(Limit::burst))
                .orElseGet(this::defaultLimit);
    }

    /** Every limit a caller can get, to size how long an idle client's bucket is kept. */
    Collection<Limit> allLimits() {
        java.util.List<Limit> all = new java.util.ArrayList<>(perRole.values().stream().map(this::resolve).toList());
        all.add(defaultLimit());
        all.add(perAddress.limit());
        return all;
    }

    private Limit resolve(RoleLimit role) {
        return new Limit(role.requestsPerSecond() == null ? requestsPerSecond : role.requestsPerSecond(),
                role.burst() == null ? burst : role.burst());
    }
}
