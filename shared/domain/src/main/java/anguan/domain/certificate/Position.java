package anguan.domain.certificate;

import anguan.domain.common.Coded;
import java.util.Arrays;
import java.util.Optional;

/** 职务, by national code. On the wire the two-digit code travels ("03"). */
public enum Position implements Coded {
    /** 法定代表人 */ P01("01", "法定代表人"),
    /** 总经理（总裁） */ P02("02", "总经理（总裁）"),
    /** 分管安全生产的副总经理（副总裁） */ P03("03", "分管安全生产的副总经理（副总裁）"),
    /** 分管生产经营的副总经理（副总裁） */ P04("04", "分管生产经营的副总经理（副总裁）"),
    /** 技术负责人 */ P05("05", "技术负责人"),
    /** 安全总监 */ P06("06", "安全总监"),
    /** 项目负责人（项目经理） */ P07("07", "项目负责人（项目经理）"),
    /** 专职安全生产管理人员 */ P08("08", "专职安全生产管理人员"),
    /** 其他: exists nationally, never valid for a new certificate. */ P99("99", "其他");

    private final String code;
    private final String displayName;

    Position(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override public String code() { return code; }

    @Override public String displayName() { return displayName; }

    public static Optional<Position> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
