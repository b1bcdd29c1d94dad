package anguan.aws.dynamo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's keys, designed from the access patterns (no Scan on any request path):
 *
 * <pre>
 * item              pk                 sk                          gsi1 (pk / sk)                 gsi2 (pk / sk)                      gsi3 (pk / sk)
 * person            PERSON#idNo        PROFILE
 * employment        PERSON#idNo        EMPLOYMENT#uscc             EMPLOYER#uscc / EMPLOYEE#idNo
 * exam result       PERSON#idNo        EXAM#type#category#date
 * claim             PERSON#idNo        CLAIM#KIND#value
 * enterprise        ENTERPRISE#uscc    PROFILE
 * certificate       CERT#number        CERT                        HOLDER#idNo / CERT#number      ENTERPRISE#uscc / CERT#number
 * external cert     EXTCERT#number     EXTCERT
 * application       APP#number         APP                         APPLICANT#idNo / APP#created#no ENTERPRISE#uscc / APP#created#no    STATUS#status / APP#entered#no
 * audit event       APP#number         EVENT#at#v{version}  (a change: the version it produced; a copy rides in the application item)
 *                   APP#number         EVENT#at#{counter}   (a line that changes nothing, e.g. an SMS sent)
 * counter           COUNTER#name       COUNTER
 * SMS challenge     APP#number         SMS                        (one per application; ttl expiresAt = sentAt + 1 day)
 * SMS quota         COUNTER#sms#mobile#yyyy-MM-dd  COUNTER       (codes sent to a mobile on a Shanghai day; ttl 2 days later)
 * signing lock      ENTERPRISE#uscc    SIGNING_LOCK
 * signing session   SIGNING#signingId  SESSION                    (two-phase token signature; ttl expiresAt + 1 day)
 * credential        CREDENTIAL#owner   CREDENTIAL                 (owner PERSON#pseudonym or ENTERPRISE#uscc; certificate, sealedKey binary)
 * delivered notice  NOTICE#id          DELIVERED                  (an SMS the notifier sent; ttl 30 days)
 * </pre>
 *
 * Patterns: a person's profile, employments and exams = one Query on PERSON#idNo; a person's
 * certificates = gsi1 HOLDER#; an enterprise's employees = gsi1 EMPLOYER#; an enterprise's
 * certificates and applications = gsi2 ENTERPRISE# by sk prefix; the reviewers' lists = gsi3
 * STATUS# by a range of {@code entered}, the instant the application entered its status (decidedAt
 * for APPROVED/REJECTED, enterpriseSignedAt for UNDER_REVIEW, createdAt otherwise: Application.enteredStatusAt),
 * so a window of days reads those days only, however many decisions the years pile up; the key
 * moves with every change of status; an application and its trail = one Query on APP#number; a person's claims (the open
 * application holding each target: CLAIM#CATEGORY#C3, CLAIM#ORIGINAL#number, CLAIM#CERTIFICATE#number)
 * = GetItem by target or Query on PERSON#idNo by CLAIM#, both strongly consistent. The signing
 * chain's items are each one GetItem by its whole key (strongly consistent): an application's
 * current SMS challenge, the day's count of codes to a mobile (one conditional UpdateItem ADD),
 * an enterprise's signing lock, a token signature's session, a signer's credential, whether a
 * notice was sent. The SMS quota's key holds the mobile in full: keys never leave the table (no
 * response, no log line carries one), and a hash of the mobile would only hide it from the
 * operators who may read the registry anyway.
 *
 * <p>Fresh and stale: GetItem and Query on the table are strongly consistent; the indexes (gsi1–3)
 * are eventually consistent and may miss a write of the last moment. No rule that concurrent
 * requests could break rests on an index alone: 不得重复申请 is decided by the claims (conditional
 * writes), and what the checks read from gsi1 (a person's applications and certificates) is
 * documented in ApplicantRecords and ApplicationClaims.
 *
 * <p>Instants in sort keys ({@code created}, {@code entered}, {@code at}) are written by {@link #instant}: fixed width,
 * so that the text order DynamoDB sorts by is the order in time.
 *
 * <p>Items that are read, merged and written again (person, employment, enterprise, certificate,
 * external cert, application) carry a numeric {@code version}; every such write is conditional on
 * it, or on {@code attribute_not_exists(pk)} for a new item; so do the SMS challenge, the signing
 * lock and the credential.
 *
 * <p>{@code expiresAt} (epoch seconds) is the table's TTL attribute: DynamoDB deletes an item some
 * time (up to days) after it, so it only cleans up; whether a code or a session has expired is
 * decided in code from the record's own instants.
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String GSI2_PK = "gsi2pk";
    static final String GSI2_SK = "gsi2sk";
    static final String GSI3_PK = "gsi3pk";
    static final String GSI3_SK = "gsi3sk";
    static final String DOC = "doc";
    static final String VERSION = "version";
    /** The table's TimeToLiveSpecification attribute (template.yaml). */
    static final String EXPIRES_AT = "expiresAt";

    /** UTC with all nine fraction digits: Instant.toString drops trailing zeros, so "…:00Z" would sort after "…:00.5Z". */
    private static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String person(String idNo) {
        return "PERSON#" + idNo;
    }

    static String enterprise(String uscc) {
        return "ENTERPRISE#" + uscc;
    }

    static String application(String number) {
        return "APP#" + number;
    }

    static String certificate(String number) {
        return "CERT#" + number;
    }

    /** An instant as the TTL attribute's value (epoch seconds). */
    static AttributeValue expiresAt(Instant at) {
        return Table.n(at.getEpochSecond());
    }

    /** An instant as a sort key: {@code 2026-11-27T02:00:00.500000000Z}. */
    static String instant(Instant at) {
        return SORTABLE_INSTANT.format(at);
    }
}
