package com.engagementledger.engagement.web;

import com.engagementledger.engagement.view.ViewStore;
import com.engagementledger.support.web.Page;

import java.util.List;

/** Lists a kind of resource of one engagement, a capped page at a time. */
public final class ListQuery {
    private ListQuery() {
    }

    public static <V> Page<V> page(ViewStore views, String kind, String engagementId, String status,
                                          Class<V> type, Integer page, Integer size, int maxPageSize) {
        int pageSize = Paging.size(size, maxPageSize);
        int pageNumber = Paging.page(page);
        List<V> items = views.list(kind, engagementId, status, type, pageNumber * pageSize, pageSize).stream()
                .map(ViewStore.Stored::state).toList();
        return Page.of(items, pageNumber, pageSize, views.count(kind, engagementId, status));
    }
}
