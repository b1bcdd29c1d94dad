package anguan.pdf.ca;

/**
 * The signing material from configuration does not open: a part is missing or malformed, or a
 * sealed part does not open with the key-encryption key given (the wrong KEK, or altered bytes).
 * An operator's problem, found when a function starts; the message names the part, never its content.
 */
public final class SigningMaterialBrokenException extends RuntimeException {
    public SigningMaterialBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
