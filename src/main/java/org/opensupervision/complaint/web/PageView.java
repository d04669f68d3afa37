package org.opensupervision.complaint.web;

import java.util.List;

import org.opensupervision.complaint.ListPage;

/**
 * One page of a list, with what a client needs to page through it. {@code totalElements} is exact unless
 * {@code totalCapped} is true: then at least that many match (the count stops at a limit), and {@code hasNext} says
 * whether another page follows.
 */
record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages, boolean totalCapped,
                   boolean hasNext, String sort) {

    static <T> PageView<T> of(ListPage<T> page, String sort) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages(), page.isTotalCapped(), page.hasNext(), sort);
    }
}
