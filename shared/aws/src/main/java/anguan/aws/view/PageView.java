package anguan.aws.view;

import anguan.domain.application.Page;
import java.util.List;
import java.util.function.Function;

/** A list as API.md shows it: {@code {items, total, page, size}}, newest first as the service ordered it. */
public record PageView<T>(List<T> items, int total, int page, int size) {

    public static <A, T> PageView<T> of(Page<A> page, Function<A, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.page(), page.size());
    }
}
