package anguan.issuecertificate;

import anguan.aws.config.Env;
import anguan.aws.config.Platform;
import anguan.aws.dynamo.DynamoClaimRepository;
import anguan.aws.log.Log;
import anguan.aws.sqs.SqsBatch;
import anguan.aws.sqs.SqsIssueQueue;
import anguan.domain.issuance.CertificateIssuanceService;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.issuance.NotYetDue;
import anguan.ofd.CertificateOfd;
import anguan.ofd.SealMaterial;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 证书发放: the certificate queue's consumer. Each record is one {@link IssueOrder}, applied on its
 * own by {@link CertificateIssuanceService} (idempotent and resumable, so a redelivery finishes or
 * does nothing): an order that overtook its decision ({@link NotYetDue}), an undecodable body or
 * a failure is reported as a batch item failure and comes back (after maxReceiveCount it lands in
 * the dead-letter queue), while the others of its batch are done. One log line per record: message,
 * order, application, outcome and receive count; never a name, an ID number or key material.
 */
public final class IssueCertificateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** The authority's USCC in each 证照标识 (template parameter LicenceIssuerUscc). */
    static final String ISSUER_USCC = "LICENCE_ISSUER_USCC";
    /** The public verification page; the QR code holds it with the certificate number appended. */
    static final String VERIFICATION_BASE_URL = "CERTIFICATE_VERIFICATION_BASE_URL";

    private final CertificateIssuanceService issuance;
    /** How long a record waits in one delivery for the write it follows ({@link SqsBatch#PATIENCE}). */
    private final List<Duration> patience;

    /** Lambda's entry: the adapters, the seal and the renderer built once per container. */
    public IssueCertificateHandler() {
        this(Platform.fromEnvironment(), AuthoritySeal.fromEnvironment());
    }

    public IssueCertificateHandler(Platform platform, SealMaterial seal) {
        this(new CertificateIssuanceService(platform.applications(), new DynamoClaimRepository(platform.table()),
                platform.certificates(), platform.persons(), platform.enterprises(), platform.sequence(), new CertificateOfd(seal),
                platform.documents(), platform.noticeQueue(), Env.require(ISSUER_USCC), Env.require(VERIFICATION_BASE_URL),
                platform.clock()));
    }

    IssueCertificateHandler(CertificateIssuanceService issuance) {
        this(issuance, SqsBatch.PATIENCE);
    }

    IssueCertificateHandler(CertificateIssuanceService issuance, List<Duration> patience) {
        this.issuance = issuance;
        this.patience = patience;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.each(event, this::handled);
    }

    /** True when the record is done with (applied, applied before, or dropped); false when it must come again. */
    private boolean handled(SQSEvent.SQSMessage message) {
        Map<String, Object> line = SqsBatch.logLine(message);
        IssueOrder order;
        try {
            order = SqsIssueQueue.order(message.getBody());
        } catch (IllegalArgumentException e) {
            line.put("outcome", "UNDECODABLE");
            Log.error("issue-order", line, e);
            return false;
        }
        line.put("orderId", order.id());
        line.put("applicationNo", order.applicationNo());
        try {
            line.put("outcome", SqsBatch.whenDue(() -> issuance.apply(order), e -> e instanceof NotYetDue, patience));
            Log.info("issue-order", line);
            return true;
        } catch (NotYetDue e) {
            line.put("outcome", "NOT_YET_DUE");
            Log.info("issue-order", line);
            return false;
        } catch (RuntimeException e) {
            line.put("outcome", "FAILED");
            Log.error("issue-order", line, e);
            return false;
        }
    }
}
