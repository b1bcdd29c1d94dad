package anguan.domain.certificate;

/**
 * Port: the e-certificate as an OFD (GB/T 33190) sealed with the authority's SM2 electronic seal
 * (GB/T 38540) over the whole document (the adapter is {@code anguan.ofd}).
 */
public interface ECertificateRenderer {
    RenderedCertificate render(ECertificateFace face);

    /** The OFD and its file name (e.g. {@code 沪建安C3（2026）0000001.ofd}). */
    record RenderedCertificate(String fileName, byte[] ofd) {
        @Override
        public String toString() {
            return "RenderedCertificate[" + fileName + ", " + ofd.length + " bytes]";
        }
    }
}
