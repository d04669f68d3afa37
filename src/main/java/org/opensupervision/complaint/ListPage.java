package org.opensupervision.complaint;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a staff list with a capped count: counting every matching row of a table of millions on every request
 * costs seconds, so the count stops at a limit. Below it {@link #getTotalElements()} is exact; above it
 * {@link #isTotalCapped()} is true and the total is a lower bound ("more than 1,000"). {@link #hasNext()} is always exact
 * (the page query reads one row more than it shows).
 */
public final class ListPage<T> {

    private final List<T> content;
    private final int number;
    private final int size;
    private final long totalElements;
    private final boolean totalCapped;
    private final boolean next;

    public ListPage(List<T> content, int number, int size, long totalElements, boolean totalCapped, boolean next) {
        this.content = List.copyOf(content);
        this.number = number;
        this.size = size;
        this.totalElements = totalElements;
        this.totalCapped = totalCapped;
        this.next = next;
    }

    public List<T> getContent() {
        return content;
    }

    /** The page number, from 0. */
    public int getNumber() {
        return number;
    }

    public int getSize() {
        return size;
    }

    /** Exact, or a lower bound when {@link #isTotalCapped()}. */
    public long getTotalElements() {
        return totalElements;
    }

    /** Whether more rows match than were counted. */
    public boolean isTotalCapped() {
        return totalCapped;
    }

    /** Pages known to exist: exact below the cap, otherwise at least up to the next page. */
    public int getTotalPages() {
        int counted = size == 0 ? 1 : (int) Math.ceil((double) totalElements / size);
        return next ? Math.max(counted, number + 2) : Math.max(counted, content.isEmpty() ? 0 : number + 1);
    }

    public boolean hasNext() {
        return next;
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    /** The same page with each element converted. */
    public <U> ListPage<U> map(Function<? super T, ? extends U> converter) {
        return new ListPage<>(content.stream().<U>map(converter).toList(), number, size, totalElements, totalCapped,
                next);
    }
}
