package anguan.pdf.ca;

/**
 * The signing password (签章密码) does not open the enterprise's sealed key. The function maps it
 * to {@code SIGNING_PASSWORD_INVALID}; the message never repeats the password.
 */
public final class SigningPasswordInvalidException extends Exception {
    public SigningPasswordInvalidException() {
        super("the signing password does not open the sealed key");
    }
}
