package anguan.domain.certificate;

import java.util.List;
import java.util.Optional;

/** Port: Shanghai certificates (by number, holder, enterprise) and the national platform's out-of-province records. */
public interface CertificateRepository {
    Optional<Certificate> find(String certificateNo);

    List<Certificate> ofHolder(String idNo);

    List<Certificate> atEnterprise(String uscc);

    void save(Certificate certificate);

    Optional<ExternalCertificate> findExternal(String certificateNo);

    void saveExternal(ExternalCertificate certificate);
}
