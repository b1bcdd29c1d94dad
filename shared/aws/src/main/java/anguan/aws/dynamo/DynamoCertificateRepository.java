package anguan.aws.dynamo;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.Versioned;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Certificates by number, by holder (gsi1) and by enterprise (gsi2); national records by number. Both versioned. */
public final class DynamoCertificateRepository implements CertificateRepository {
    private final Table table;

    public DynamoCertificateRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<Certificate>> findVersioned(String certificateNo) {
        return table.getVersioned(Keys.certificate(certificateNo), "CERT", Certificate.class);
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
    public boolean insert(Certificate certificate) {
        return table.insert(item(certificate));
    }

    @Override
    public boolean update(Certificate certificate, long expectedVersion) {
        return table.update(item(certificate), expectedVersion);
    }

    @Override
    public Optional<Versioned<ExternalCertificate>> findExternalVersioned(String certificateNo) {
        return table.getVersioned(externalPk(certificateNo), "EXTCERT", ExternalCertificate.class);
    }

    @Override
    public boolean insertExternal(ExternalCertificate certificate) {
        return table.insert(Table.item(externalPk(certificate.certificateNo()), "EXTCERT", certificate));
    }

    @Override
    public boolean updateExternal(ExternalCertificate certificate, long expectedVersion) {
        return table.update(Table.item(externalPk(certificate.certificateNo()), "EXTCERT", certificate), expectedVersion);
    }

    private static Map<String, AttributeValue> item(Certificate c) {
        var item = Table.item(Keys.certificate(c.certificateNo()), "CERT", c);
        item.put(Keys.GSI1_PK, Table.s("HOLDER#" + c.idNo()));
        item.put(Keys.GSI1_SK, Table.s("CERT#" + c.certificateNo()));
        item.put(Keys.GSI2_PK, Table.s(Keys.enterprise(c.uscc())));
        item.put(Keys.GSI2_SK, Table.s("CERT#" + c.certificateNo()));
        return item;
    }

    private static String externalPk(String certificateNo) {
        return "EXTCERT#" + certificateNo;
    }
}
