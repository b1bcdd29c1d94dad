package anguan.domain.testing;

/**
 * The function died here (崩溃): what {@link Faults} throws at the chosen write. Deliberately not a
 * {@link anguan.domain.common.DomainProblem}: nothing in the domain may take it for a refusal, and a
 * handler answers it as the 5xx a client or SQS retries.
 */
public final class Crash extends RuntimeException {

    Crash(String message) {
        super(message);
    }
}
