package anguan.aws.dynamo;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.ExternalCertificate;
import java.util.List;
import java.util.Optional;

/** Certificates by number, by holder (gsi1) and by enterprise (gsi2); national records by number. */
public final class DynamoCertificateRepository implements CertificateRepository {
    private final Table table;

    public DynamoCertificateRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Certificate> find(String certificateNo) {
        return table.get(Keys.certificate(certificateNo), "CERT").map(i -> Table.read(i, Certificate.class));
    }

    @Override
    public List<Certificate> ofHolder(String idNo) {
        return table.query("gsi1", Keys.GSI1_PK, "HOLDER#" + idNo, Keys.GSI1_SK, "CERT#", false).stream()
                .map(i -> Table.read(i, Certificate.class)).toList();
    }

    @Override
    public List<Certificate> atEnterprise(String uscc) {
        return table.query("gsi2", Keys.GSI2_PK, Keys.enterprise(uscc), Keys.GSI2_SK, "CERT#", false).stream()
                .map(i -> Table.read(i, Certificate.class)).toList();
    }

    @Override
    public void save(Certificate c) {
        var item = Table.item(Keys.certificate(c.certificateNo()), "CERT", c);
        item.put(Keys.GSI1_PK, Table.s("HOLDER#" + c.idNo()));
        item.put(Keys.GSI1_SK, Table.s("CERT#" + c.certificateNo()));
        item.put(Keys.GSI2_PK, Table.s(Keys.enterprise(c.uscc())));
        item.put(Keys.GSI2_SK, Table.s("CERT#" + c.certificateNo()));
        table.put(item);
    }

    @Override
    public Optional<ExternalCertificate> findExternal(String certificateNo) {
        return table.get("EXTCERT#" + certificateNo, "EXTCERT").map(i -> Table.read(i, ExternalCertificate.class));
    }

    @Override
    public void saveExternal(ExternalCertificate c) {
        table.put(Table.item("EXTCERT#" + c.certificateNo(), "EXTCERT", c));
    }
}
