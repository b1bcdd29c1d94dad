package anguan.domain.application;

/** The authority's decision on an application. */
public record DecisionResult(Outcome result, String opinion) {
    public enum Outcome {
        /** 准予许可 */ APPROVE,
        /** 不予许可 */ REJECT
    }
}
