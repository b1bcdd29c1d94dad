package anguan.domain.person;

import anguan.domain.common.Coded;

/** Kind of exam in the exam-result feed (考试通过信息). */
public enum ExamType implements Coded {
    /** 初证考试: needed for 考核发证, passed within the last 12 months. */
    INITIAL("初证考试"),
    /** 继续教育考试: needed for 证书延期, passed within the current validity. */
    CONTINUING("继续教育考试");

    private final String displayName;

    ExamType(String displayName) {
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }
}
