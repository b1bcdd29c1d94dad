package anguan.pdf.ca;

/**
 * A key sealed with the key-encryption key does not open: the wrong KEK, another label, or the
 * bytes were altered. An operator's problem (configuration or storage), never the user's.
 */
public final class KeySealBrokenException extends RuntimeException {
    public KeySealBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
