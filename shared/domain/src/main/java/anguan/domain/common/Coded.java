package anguan.domain.common;

/** An enum that travels as a code with a Chinese name beside it (API.md, Conventions). */
public interface Coded {
    String code();

    String displayName();
}
