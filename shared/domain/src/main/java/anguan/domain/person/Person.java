package anguan.domain.person;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A worker registry entry (从业人员信息登记). The applicant never types these fields; the system
 * reads them. Photo and signature image live in the document store under the given keys.
 */
public record Person(String idNo, String name, Gender gender, LocalDate birthDate, IdType idType,
                     String mobile, String photoKey, String signatureImageKey, Instant updatedAt) {

    public boolean hasPhoto() {
        return photoKey != null;
    }
}
