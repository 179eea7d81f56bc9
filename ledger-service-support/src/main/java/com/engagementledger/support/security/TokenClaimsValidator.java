package com.engagementledger.support.security;

import com.engagementledger.contract.Enums.Side;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a correctly signed token must also say before anything is done for it, on every service and every method:
 * <ul>
 *   <li>{@code sub}: a string of 1 to 256 characters, no control, format or separator characters and no padding —
 *       it is recorded as the actor of every event and audit read, so it must read the same everywhere;</li>
 *   <li>{@code name} (optional): at most 256 characters, no control, separator or bidirectional-override
 *       characters;</li>
 *   <li>{@code exp}: present (a token that never expires cannot be revoked by waiting);</li>
 *   <li>{@code side} (optional for AUDITOR, SERVICE, ADMIN): {@code CLIENT} or {@code PARTNER}, and the side of the
 *       roles: a {@code LEAD} (the client's engineering lead) acts for the client, a {@code PARTNER} for the
 *       partner — client-only rules trust the side, so a role may not claim the other one;</li>
 *   <li>{@code roles}, {@code engagements} (optional): arrays of strings;</li>
 *   <li>{@code iss} and {@code aud} when an issuer or audiences are configured.</li>
 * </ul>
 * A token that breaks one is refused as invalid (401), like one with a bad signature: its issuer made a mistake, no
 * role rule applies to it. The error says which claim, never its value.
 */
final class TokenClaimsValidator implements OAuth2TokenValidator<Jwt> {
    static final int MAX_TEXT_LENGTH = 256;
    private static final Set<Integer> BIDI_CONTROLS = Set.of(0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
            0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    private final String issuer;
    private final List<String> audiences;

    /** {@code issuer} null and {@code audiences} empty: neither is checked. */
    TokenClaimsValidator(String issuer, List<String> audiences) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object subject = jwt.getClaims().get(JwtClaimNames.SUB);
        if (!(subject instanceof String sub) || sub.isBlank() || sub.length() > MAX_TEXT_LENGTH
                || !sub.strip().equals(sub) || sub.codePoints().anyMatch(TokenClaimsValidator::unfitForAnId)) {
            errors.add(invalid("sub must be 1 to " + MAX_TEXT_LENGTH
                    + " characters without control, format or separator characters or surrounding blanks"));
        }
        Object name = jwt.getClaims().get("name");
        if (name != null && (!(name instanceof String text) || text.length() > MAX_TEXT_LENGTH
                || text.codePoints().anyMatch(TokenClaimsValidator::unfitForAName))) {
            errors.add(invalid("name must be at most " + MAX_TEXT_LENGTH
                    + " characters without control, separator or bidirectional-override characters"));
        }
        if (jwt.getExpiresAt() == null) {
            errors.add(invalid("exp is required"));
        }
        List<String> roles = strings(jwt, "roles", errors);
        strings(jwt, "engagements", errors);
        checkSide(jwt.getClaims().get("side"), roles, errors);
        if (issuer != null && !issuer.equals(jwt.getClaimAsString(JwtClaimNames.ISS))) {
            errors.add(invalid("iss is not the configured issuer"));
        }
        if (!audiences.isEmpty() && (jwt.getAudience() == null
                || jwt.getAudience().stream().noneMatch(audiences::contains))) {
            errors.add(invalid("aud does not name this service's audience"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static void checkSide(Object claim, List<String> roles, List<OAuth2Error> errors) {
        Side side = null;
        if (claim != null) {
            if (claim instanceof String text && (text.equals(Side.CLIENT.name()) || text.equals(Side.PARTNER.name()))) {
                side = Side.valueOf(text);
            } else {
                errors.add(invalid("side must be CLIENT or PARTNER"));
                return;
            }
        }
        if (roles.contains(Roles.LEAD) && side != Side.CLIENT) {
            errors.add(invalid("a LEAD token acts for the client: side must be CLIENT"));
        }
        if (roles.contains(Roles.PARTNER) && side != Side.PARTNER) {
            errors.add(invalid("a PARTNER token acts for the partner: side must be PARTNER"));
        }
    }

    /** The claim's strings; absent is none, anything but an array of strings is an error. */
    private static List<String> strings(Jwt jwt, String claim, List<OAuth2Error> errors) {
        Object value = jwt.getClaims().get(claim);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        errors.add(invalid(claim + " must be an array of strings"));
        return List.of();
    }

    private static boolean unfitForAnId(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** A display name may hold joiners (emoji sequences), never what rewrites the line it is shown on. */
    private static boolean unfitForAName(int codePoint) {
        return BIDI_CONTROLS.contains(codePoint) || switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE ->
                    true;
            default -> false;
        };
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
