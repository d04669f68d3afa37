package org.opensupervision.complaint.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list, with what a client needs to page through it. */
record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages, String sort) {

    static <T> PageView<T> of(Page<T> page, String sort) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages(), sort);
    }
}
