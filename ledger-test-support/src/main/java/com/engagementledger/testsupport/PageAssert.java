package com.engagementledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one page envelope of every paged list: exactly items, page, size, totalItems and totalPages, consistent. */
public final class PageAssert {
    private static final List<String> FIELDS = List.of("items", "page", "size", "totalItems", "totalPages");

    private PageAssert() {
    }

    /** Asserts the envelope and answers its items. */
    public static JsonNode assertPageEnvelope(String what, JsonNode page) {
        assertThat(page).as("%s answers a JSON object", what).isNotNull();
        List<String> fields = new ArrayList<>();
        page.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("%s: the fields of the page envelope", what).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(page.get("items").isArray()).as("%s: items is an array", what).isTrue();
        int size = page.get("size").asInt();
        long totalItems = page.get("totalItems").asLong();
        assertThat(page.get("page").isIntegralNumber() && page.get("page").asInt() >= 0).as("%s: page", what).isTrue();
        assertThat(size).as("%s: size", what).isPositive();
        assertThat(page.get("items").size()).as("%s: at most size items", what).isLessThanOrEqualTo(size);
        assertThat(totalItems).as("%s: totalItems", what).isGreaterThanOrEqualTo(page.get("items").size());
        assertThat(page.get("totalPages").asLong()).as("%s: totalPages = ceil(totalItems / size)", what)
                .isEqualTo((totalItems + size - 1) / size);
        return page.get("items");
    }
}
