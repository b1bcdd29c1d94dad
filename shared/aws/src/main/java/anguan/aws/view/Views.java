package anguan.aws.view;

import anguan.domain.common.Coded;

/** Small helpers for the JSON views: codes with names beside them. */
final class Views {
    private Views() {
    }

    static String code(Coded c) {
        return c == null ? null : c.code();
    }

    static String name(Coded c) {
        return c == null ? null : c.displayName();
    }
}
