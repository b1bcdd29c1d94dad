package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.Table;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.LicenceId;
import anguan.domain.common.Versioned;
import anguan.local.LocalRunner;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * An e-certificate for a migrated certificate, as issue-certificate leaves one: the file in the
 * runner's bucket first, under {@code certificates/<no>/<ver>.ofd}, then the certificate pointing
 * at it. The certificate routes only read, and a migrated certificate has no file, so the tests that
 * download one put it there themselves, through the same adapters the functions use.
 */
final class ECertificateFiles {
    /** A made-up issuer (DOMAIN.md: the issuer USCC is configuration; any valid code locally). */
    private static final String ISSUER = "11310000002421020K";

    private ECertificateFiles() {
    }

    /** @return the file name the certificate now carries */
    static String attach(String certificateNo, byte[] ofd) {
        LocalRunner runner = LocalRunner.shared();
        DynamoCertificateRepository certificates = new DynamoCertificateRepository(
                new Table(runner.cloud().dynamoDb(), String.valueOf(runner.names().ref("AnguanTable"))));
        Versioned<Certificate> stored = certificates.findVersioned(certificateNo).orElseThrow(
                () -> new AssertionError("no certificate " + certificateNo + " to attach a file to"));
        int version = stored.value().licenceVersion() + 1;
        String key = "certificates/" + certificateNo + "/" + "%03d".formatted(version) + ".ofd";
        runner.cloud().s3().putObject(b -> b.bucket(String.valueOf(runner.names().ref("DocumentBucket"))).key(key)
                .contentType("application/ofd"), RequestBody.fromBytes(ofd));
        String fileName = "安管人员安全生产考核合格证书_" + certificateNo + ".ofd";
        String licenceId = LicenceId.of(ISSUER, CertificateNumber.parse(certificateNo).orElseThrow(), version);
        assertTrue(certificates.update(stored.value().withFile(version, licenceId, fileName, key), stored.version()),
                "the certificate changed while its file was attached");
        return fileName;
    }
}
