package anguan.domain.certificate;

import anguan.domain.common.Versioned;
import java.util.List;
import java.util.Optional;

/**
 * Port: Shanghai certificates (by number, holder, enterprise) and the national platform's
 * out-of-province records. Writes are conditional: a new certificate only where its number is
 * free (on a clash, whoever issues takes the next serial), an existing one only over the version
 * it was read at. Both answer false, writing nothing, when that does not hold.
 */
public interface CertificateRepository {
    default Optional<Certificate> find(String certificateNo) {
        return findVersioned(certificateNo).map(Versioned::value);
    }

    Optional<Versioned<Certificate>> findVersioned(String certificateNo);

    List<Certificate> ofHolder(String idNo);

    List<Certificate> atEnterprise(String uscc);

    /** @return false when a certificate of this number is already stored */
    boolean insert(Certificate certificate);

    /** @return false when the stored certificate is no longer at {@code expectedVersion}, or is gone */
    boolean update(Certificate certificate, long expectedVersion);

    default Optional<ExternalCertificate> findExternal(String certificateNo) {
        return findExternalVersioned(certificateNo).map(Versioned::value);
    }

    Optional<Versioned<ExternalCertificate>> findExternalVersioned(String certificateNo);

    /** @return false when a national record of this number is already stored */
    boolean insertExternal(ExternalCertificate certificate);

    /** @return false when the stored record is no longer at {@code expectedVersion}, or is gone */
    boolean updateExternal(ExternalCertificate certificate, long expectedVersion);
}
