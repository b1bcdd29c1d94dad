package anguan.domain.person;

import anguan.domain.common.Coded;

/** 证件类型. Only the resident ID card carries a checksum (GB 11643). */
public enum IdType implements Coded {
    /** 居民身份证 */ ID_CARD("居民身份证"),
    /** 护照 */ PASSPORT("护照"),
    /** 港澳居民来往内地通行证 */ HK_MACAO("港澳居民来往内地通行证"),
    /** 台湾居民来往大陆通行证 */ TAIWAN("台湾居民来往大陆通行证"),
    /** 军官证 */ MILITARY("军官证");

    private final String displayName;

    IdType(String displayName) {
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }
}
