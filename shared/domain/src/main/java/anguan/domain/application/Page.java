package anguan.domain.application;

import java.util.List;

/** One page of a list, newest first, with the total count. */
public record Page<T>(List<T> items, int total, int page, int size) {

    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), page, size);
    }
}
