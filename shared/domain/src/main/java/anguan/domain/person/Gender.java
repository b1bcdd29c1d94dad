package anguan.domain.person;

import anguan.domain.common.Coded;

/** 性别. */
public enum Gender implements Coded {
    /** 男 */ M("男"),
    /** 女 */ F("女");

    private final String displayName;

    Gender(String displayName) {
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }
}
