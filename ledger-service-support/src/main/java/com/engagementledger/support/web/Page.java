package com.engagementledger.support.web;

import java.util.List;

/**
 * The one envelope of every paged list of every service: the page's items, the page number (from 0), the page size
 * that was applied, and how many items and pages the whole list has, so a client knows where it is without counting.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** A page of a list of {@code totalItems} items, cut {@code size} at a time. */
    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one item, not " + size);
        }
        return new Page<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
