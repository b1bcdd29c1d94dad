package anguan.domain.certificate;

import anguan.domain.common.Coded;
import java.util.EnumSet;
import java.util.Set;

/** 证书类别 (建质〔2015〕206号) with the positions each allows. */
public enum Category implements Coded {
    /** 企业主要负责人 */
    A("企业主要负责人", EnumSet.of(Position.P01, Position.P02, Position.P03, Position.P04, Position.P05, Position.P06)),
    /** 项目负责人 */
    B("项目负责人", EnumSet.of(Position.P07)),
    /** 专职安全生产管理人员（机械） */
    C1("专职安全生产管理人员（机械）", EnumSet.of(Position.P08)),
    /** 专职安全生产管理人员（土建） */
    C2("专职安全生产管理人员（土建）", EnumSet.of(Position.P08)),
    /** 专职安全生产管理人员（综合） */
    C3("专职安全生产管理人员（综合）", EnumSet.of(Position.P08));

    private final String displayName;
    private final Set<Position> positions;

    Category(String displayName, Set<Position> positions) {
        this.displayName = displayName;
        this.positions = positions;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }

    /** Positions of the national code list a new certificate of this category may carry (never 99). */
    public Set<Position> allowedPositions() {
        return Set.copyOf(positions);
    }

    public boolean allows(Position position) {
        return position != null && positions.contains(position);
    }
}
