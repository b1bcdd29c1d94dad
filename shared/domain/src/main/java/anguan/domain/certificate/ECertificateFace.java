package anguan.domain.certificate;

import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an e-certificate (电子证书) shows, national standard C0317-2022 (DOMAIN.md, E-certificate):
 * every face field, the photo, the URL its QR code opens and its 证照标识.
 *
 * @param photo           the holder's photo (JPEG or PNG), or null for a neutral placeholder frame
 * @param issuer          发证机关, 上海市住房和城乡建设管理委员会
 * @param issueDate       发证日期: the day this file was made (first issue, renewal, change)
 * @param verificationUrl the public verification page of this certificate (the QR code's content)
 * @param licenceId       the 证照标识 of this file (its version is the file's)
 */
public record ECertificateFace(String certificateNo, String name, Gender gender, LocalDate birthDate, IdType idType, String idNo,
                               String enterpriseName, String uscc, Position position, Category category,
                               LocalDate firstIssueDate, LocalDate validFrom, LocalDate validTo, String issuer,
                               LocalDate issueDate, byte[] photo, String verificationUrl, String licenceId) {
    public ECertificateFace {
        Objects.requireNonNull(certificateNo, "certificateNo");
        photo = photo == null ? null : photo.clone();
    }

    @Override
    public byte[] photo() {
        return photo == null ? null : photo.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ECertificateFace f && certificateNo.equals(f.certificateNo) && Objects.equals(licenceId, f.licenceId)
                && toString().equals(f.toString()) && java.util.Arrays.equals(photo, f.photo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateNo, licenceId);
    }

    /** No ID number in a log line. */
    @Override
    public String toString() {
        return "ECertificateFace[" + certificateNo + ", " + licenceId + ", " + enterpriseName + ", " + validFrom + "–" + validTo + "]";
    }
}
