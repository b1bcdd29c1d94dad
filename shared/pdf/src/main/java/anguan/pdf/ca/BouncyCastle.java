package anguan.pdf.ca;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One BouncyCastle provider, passed explicitly to every builder rather than installed JVM-wide. */
public final class BouncyCastle {
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
