package anguan.domain.application;

import anguan.domain.common.Coded;

/** 注销原因 of a 证书注销 application. */
public enum CancelReason implements Coded {
    /** 已与聘用企业解除聘用合同关系 */ CONTRACT_ENDED("已与聘用企业解除聘用合同关系"),
    /** 本人申请注销 */ SELF_REQUEST("本人申请注销"),
    /** 不再从事相关岗位工作 */ LEFT_POST("不再从事相关岗位工作"),
    /** 其他: the reason is then written in {@code cancelReasonText}. */ OTHER("其他");

    private final String displayName;

    CancelReason(String displayName) {
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }
}
