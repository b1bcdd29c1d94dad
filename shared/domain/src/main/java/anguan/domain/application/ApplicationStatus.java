package anguan.domain.application;

import anguan.domain.common.Coded;
import java.util.EnumSet;
import java.util.Set;

/** 申请状态 and the moves between them. */
public enum ApplicationStatus implements Coded {
    /** 个人填报: the person fills in, saves and submits (签名上报 keeps this status). */
    DRAFT("个人填报"),
    /** 待企业上报: signed by the person, waiting for the enterprise. */
    AWAITING_ENTERPRISE("待企业上报"),
    /** 评审中: signed by the enterprise, accepted (受理), under review. */
    UNDER_REVIEW("评审中"),
    /** 事项结束（准予许可） */
    APPROVED("事项结束（准予许可）"),
    /** 事项结束（不予许可） */
    REJECTED("事项结束（不予许可）");

    private final String displayName;

    ApplicationStatus(String displayName) {
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }

    public Set<ApplicationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(AWAITING_ENTERPRISE);
            case AWAITING_ENTERPRISE -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return next().contains(target);
    }

    /** Only a draft can be edited. */
    public boolean isEditable() {
        return this == DRAFT;
    }

    /** The person may delete until the enterprise has signed. */
    public boolean isDeletable() {
        return this == DRAFT || this == AWAITING_ENTERPRISE;
    }

    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }
}
