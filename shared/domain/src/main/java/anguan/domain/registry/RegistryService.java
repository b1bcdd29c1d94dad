package anguan.domain.registry;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.Masking;
import anguan.domain.common.PhoneNumber;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.enterprise.Uscc;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdNumber;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.EmploymentFeed;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import anguan.domain.registry.Feeds.ExamFeed;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registries' feeds (注册信息): idempotent partial upserts. Every record is checked whole
 * before anything is written; a field left out keeps its stored value. A feed is merged over the
 * record as read and written only over that version, so feeds of one record sent at once keep
 * each other's fields ({@link OptimisticRetry}).
 */
public final class RegistryService {
    private static final int NAME_MAX = 100;

    private final PersonRepository persons;
    private final EnterpriseRepository enterprises;
    private final CertificateRepository certificates;
    private final DocumentStore documents;
    private final Clock clock;

    public RegistryService(PersonRepository persons, EnterpriseRepository enterprises, CertificateRepository certificates,
                           DocumentStore documents, Clock clock) {
        this.persons = persons;
        this.enterprises = enterprises;
        this.certificates = certificates;
        this.documents = documents;
        this.clock = clock;
    }

    /** 从业人员信息登记. For a resident ID card, gender and birth date follow from the number when left out. */
    public Person upsertPerson(String rawIdNo, PersonFeed feed) {
        Set<String> uploaded = new HashSet<>();
        return OptimisticRetry.untilWritten(() -> writePerson(rawIdNo, feed, uploaded));
    }

    private Optional<Person> writePerson(String rawIdNo, PersonFeed feed, Set<String> uploaded) {
        FieldCheck check = new FieldCheck();
        String idNo = IdNumber.normalize(rawIdNo);
        Optional<Versioned<Person>> read = persons.findVersioned(idNo);
        Optional<Person> stored = read.map(Versioned::value);
        IdType idType = check.enumValue("idType", feed.idType(), IdType.class, "证件类型");
        if (idType == null) {
            idType = stored.map(Person::idType).orElse(feed.idType() == null && IdNumber.isValid(idNo) ? IdType.ID_CARD : null);
        }
        if (idType != null ? !IdNumber.isAcceptable(idType, idNo) : !isAcceptableIdNumber(idNo)) {
            check.add("INVALID_ID_NUMBER", "idNo", invalidIdNumber(idNo));
        }
        boolean idCard = idType == IdType.ID_CARD && IdNumber.isValid(idNo);
        Gender gender = check.enumValue("gender", feed.gender(), Gender.class, "性别");
        LocalDate birthDate = check.date("birthDate", feed.birthDate(), "出生日期");
        if (idCard && gender != null && gender != IdNumber.gender(idNo)) {
            check.add("GENDER_MISMATCH", "gender", "性别与身份证号码第17位不符");
        }
        if (idCard && birthDate != null && !birthDate.equals(IdNumber.birthDate(idNo))) {
            check.add("BIRTH_DATE_MISMATCH", "birthDate", "出生日期与身份证号码不符");
        }
        if (birthDate != null && birthDate.isAfter(today())) {
            check.add("INVALID_DATE", "birthDate", "出生日期不能晚于今天");
        }
        gender = first(gender, stored.map(Person::gender).orElse(null), idCard ? IdNumber.gender(idNo) : null);
        birthDate = first(birthDate, stored.map(Person::birthDate).orElse(null), idCard ? IdNumber.birthDate(idNo) : null);
        String name = first(trimmed(feed.name()), stored.map(Person::name).orElse(null));
        if (name != null && name.length() > NAME_MAX) {
            check.add("INVALID_VALUE", "name", "姓名过长");
        }
        String mobile = first(trimmed(feed.mobile()), stored.map(Person::mobile).orElse(null));
        if (feed.mobile() != null && !PhoneNumber.isValidMobile(mobile)) {
            check.add("INVALID_MOBILE", "mobile", "手机号码无效：应为1[3-9]开头的11位数字");
        }
        RegistryImage photo = feed.photo() == null ? null
                : RegistryImage.decode(check, "photo", feed.photo(), RegistryImage.PHOTO_MAX_BYTES, false, "照片");
        RegistryImage signature = feed.signatureImage() == null ? null
                : RegistryImage.decode(check, "signatureImage", feed.signatureImage(), RegistryImage.SIGNATURE_MAX_BYTES, true, "签名图片");
        check.require("name", name, "姓名");
        check.require("gender", gender, "性别");
        check.require("birthDate", birthDate, "出生日期");
        check.require("idType", idType, "证件类型");
        check.require("mobile", mobile, "手机号码");
        check.throwIfAny();

        // Documents go to S3 before the record that points at them.
        String photoKey = store(photo, "photos", uploaded).orElse(stored.map(Person::photoKey).orElse(null));
        String signatureKey = store(signature, "signatures", uploaded).orElse(stored.map(Person::signatureImageKey).orElse(null));
        Person person = new Person(idNo, name, gender, birthDate, idType, mobile, photoKey, signatureKey, now());
        return OptimisticRetry.write(read, person, RegistryService::samePerson, persons::insert, persons::update);
    }

    /** 企业信息. A name change here is what 批量变更 follows later. */
    public Enterprise upsertEnterprise(String rawUscc, EnterpriseFeed feed) {
        // Hashed once, before any read: PBKDF2 is slow on purpose, and a retry needs no new salt.
        String newHash = feed.signingPassword() != null && feed.signingPassword().length() >= SigningPassword.MIN_LENGTH
                ? SigningPassword.hash(feed.signingPassword()) : null;
        return OptimisticRetry.untilWritten(() -> writeEnterprise(rawUscc, feed, newHash));
    }

    private Optional<Enterprise> writeEnterprise(String rawUscc, EnterpriseFeed feed, String newHash) {
        FieldCheck check = new FieldCheck();
        String uscc = Uscc.normalize(rawUscc);
        if (!Uscc.isValid(uscc)) {
            check.add("INVALID_USCC", "uscc", "统一社会信用代码无效：" + Masking.echoed(rawUscc));
        }
        Optional<Versioned<Enterprise>> read = Uscc.isValid(uscc) ? enterprises.findVersioned(uscc) : Optional.empty();
        Optional<Enterprise> stored = read.map(Versioned::value);
        String name = first(trimmed(feed.name()), stored.map(Enterprise::name).orElse(null));
        check.require("name", name, "企业名称");
        if (name != null && name.length() > NAME_MAX) {
            check.add("INVALID_VALUE", "name", "企业名称过长");
        }
        String contactMobile = first(trimmed(feed.contactMobile()), stored.map(Enterprise::contactMobile).orElse(null));
        if (feed.contactMobile() != null && !PhoneNumber.isValidMobile(trimmed(feed.contactMobile()))) {
            check.add("INVALID_MOBILE", "contactMobile", "联系人手机号码无效：应为1[3-9]开头的11位数字");
        }
        if (feed.signingPassword() != null && newHash == null) {
            check.add("INVALID_VALUE", "signingPassword", "签章密码至少" + SigningPassword.MIN_LENGTH + "位");
        }
        check.throwIfAny();
        String hash = newHash != null ? newHash : stored.map(Enterprise::signingPasswordHash).orElse(null);
        Enterprise enterprise = new Enterprise(uscc, name, contactMobile, hash, now());
        return OptimisticRetry.write(read, enterprise, RegistryService::sameEnterprise, enterprises::insert, enterprises::update);
    }

    /** 聘用登记. */
    public Employment upsertEmployment(String rawIdNo, String rawUscc, EmploymentFeed feed) {
        return OptimisticRetry.untilWritten(() -> writeEmployment(rawIdNo, rawUscc, feed));
    }

    private Optional<Employment> writeEmployment(String rawIdNo, String rawUscc, EmploymentFeed feed) {
        FieldCheck check = new FieldCheck();
        String idNo = checkedIdNo(check, rawIdNo);
        String uscc = checkedUscc(check, "uscc", rawUscc);
        Optional<Versioned<Employment>> read = check.isEmpty() ? persons.findEmployment(idNo, uscc) : Optional.empty();
        Optional<Employment> stored = read.map(Versioned::value);
        LocalDate since = first(check.date("since", feed.since(), "聘用开始日期"), stored.map(Employment::since).orElse(null));
        LocalDate until = feed.until() == null ? stored.map(Employment::until).orElse(null) : check.date("until", feed.until(), "聘用结束日期");
        check.require("since", since, "聘用开始日期");
        check.dateOrder("until", since, until, "聘用结束日期不能早于开始日期");
        check.throwIfAny();
        Employment employment = new Employment(idNo, uscc, since, until);
        return OptimisticRetry.write(read, employment, Objects::equals, persons::insertEmployment, persons::updateEmployment);
    }

    /** Ends an employment registration. Ending one that is not there is not an error (idempotent). */
    public void endEmployment(String rawIdNo, String rawUscc) {
        FieldCheck check = new FieldCheck();
        String idNo = checkedIdNo(check, rawIdNo);
        String uscc = checkedUscc(check, "uscc", rawUscc);
        check.throwIfAny();
        persons.deleteEmployment(idNo, uscc);
    }

    /** 考试通过信息. One sitting is identified by person, exam type, category and date. */
    public ExamResult recordExam(ExamFeed feed) {
        FieldCheck check = new FieldCheck();
        String idNo = checkedIdNo(check, feed.idNo());
        ExamType type = check.enumValue("examType", feed.examType(), ExamType.class, "考试类型");
        Category category = check.enumValue("category", feed.category(), Category.class, "证书类别");
        LocalDate date = check.date("examDate", feed.examDate(), "考试日期");
        check.require("examType", type, "考试类型");
        check.require("category", category, "证书类别");
        check.require("examDate", date, "考试日期");
        check.require("passed", feed.passed(), "是否通过");
        if (date != null && date.isAfter(today())) {
            check.add("INVALID_DATE", "examDate", "考试日期不能晚于今天");
        }
        check.throwIfAny();
        ExamResult exam = new ExamResult(idNo, type, category, date, feed.passed());
        persons.saveExam(exam);
        return exam;
    }

    /** 全国工程质量安全监管信息平台: an out-of-province certificate. */
    public ExternalCertificate upsertExternalCertificate(String rawNumber, ExternalCertificateFeed feed) {
        return OptimisticRetry.untilWritten(() -> writeExternalCertificate(rawNumber, feed));
    }

    private Optional<ExternalCertificate> writeExternalCertificate(String rawNumber, ExternalCertificateFeed feed) {
        FieldCheck check = new FieldCheck();
        Optional<CertificateNumber> number = CertificateNumber.parse(rawNumber);
        if (number.isEmpty()) {
            check.add("INVALID_CERTIFICATE_NUMBER", "certificateNo", "证书编号格式无效：" + Masking.echoed(rawNumber));
        }
        Optional<Versioned<ExternalCertificate>> read = number.flatMap(n -> certificates.findExternalVersioned(n.format()));
        Optional<ExternalCertificate> stored = read.map(Versioned::value);
        String idNo = feed.idNo() == null ? stored.map(ExternalCertificate::idNo).orElse(null) : checkedIdNo(check, feed.idNo());
        Category category = first(check.enumValue("category", feed.category(), Category.class, "证书类别"),
                stored.map(ExternalCertificate::category).orElse(null));
        LocalDate from = first(check.date("validFrom", feed.validFrom(), "有效期开始日期"), stored.map(ExternalCertificate::validFrom).orElse(null));
        LocalDate to = first(check.date("validTo", feed.validTo(), "有效期截止日期"), stored.map(ExternalCertificate::validTo).orElse(null));
        String name = first(trimmed(feed.name()), stored.map(ExternalCertificate::name).orElse(null));
        String enterpriseName = first(trimmed(feed.enterpriseName()), stored.map(ExternalCertificate::enterpriseName).orElse(null));
        Boolean transferredOut = first(feed.transferredOut(), stored.map(ExternalCertificate::transferredOut).orElse(null), Boolean.FALSE);
        check.require("idNo", idNo, "证件号码");
        check.require("name", name, "姓名");
        check.require("category", category, "证书类别");
        check.require("enterpriseName", enterpriseName, "企业名称");
        check.require("validFrom", from, "有效期开始日期");
        check.require("validTo", to, "有效期截止日期");
        check.dateOrder("validTo", from, to, "有效期截止日期不能早于开始日期");
        if (number.isPresent() && category != null && number.get().category() != category) {
            check.add("INVALID_VALUE", "category", "证书类别与证书编号中的类别不符");
        }
        check.throwIfAny();
        ExternalCertificate external = new ExternalCertificate(number.get().format(), idNo, name, category,
                enterpriseName, from, to, transferredOut, stored.map(ExternalCertificate::usedBy).orElse(null));
        return OptimisticRetry.write(read, external, Objects::equals, certificates::insertExternal, certificates::updateExternal);
    }

    /**
     * One-off migration of an existing Shanghai certificate: stores the status it is given; the
     * holder's and enterprise's names are copied from the registries when the certificate is first
     * written, and again only for a holder or enterprise this feed changes.
     */
    public Certificate migrateCertificate(String rawNumber, CertificateFeed feed) {
        Set<String> uploaded = new HashSet<>();
        return OptimisticRetry.untilWritten(() -> writeMigratedCertificate(rawNumber, feed, uploaded));
    }

    private Optional<Certificate> writeMigratedCertificate(String rawNumber, CertificateFeed feed, Set<String> uploaded) {
        FieldCheck check = new FieldCheck();
        Optional<CertificateNumber> number = CertificateNumber.parse(rawNumber);
        if (number.isEmpty()) {
            check.add("INVALID_CERTIFICATE_NUMBER", "certificateNo", "证书编号格式无效：" + Masking.echoed(rawNumber));
        } else if (!number.get().isShanghai()) {
            check.add("INVALID_CERTIFICATE_NUMBER", "certificateNo", "只能迁移本市（沪）证书：" + rawNumber);
        }
        Optional<Versioned<Certificate>> read = number.flatMap(n -> certificates.findVersioned(n.format()));
        Optional<Certificate> stored = read.map(Versioned::value);
        String idNo = feed.idNo() == null ? stored.map(Certificate::idNo).orElse(null) : checkedIdNo(check, feed.idNo());
        String uscc = feed.uscc() == null ? stored.map(Certificate::uscc).orElse(null) : checkedUscc(check, "uscc", feed.uscc());
        Category category = first(check.enumValue("category", feed.category(), Category.class, "证书类别"),
                stored.map(Certificate::category).orElse(null));
        Position position = first(check.code("position", feed.position(), "职务", Arrays.asList(Position.values()), Position::code),
                stored.map(Certificate::position).orElse(null));
        CertificateStatus status = first(check.enumValue("status", feed.status(), CertificateStatus.class, "证书状态"),
                stored.map(Certificate::status).orElse(null));
        LocalDate firstIssue = first(check.date("firstIssueDate", feed.firstIssueDate(), "初次领证日期"), stored.map(Certificate::firstIssueDate).orElse(null));
        LocalDate from = first(check.date("validFrom", feed.validFrom(), "有效期开始日期"), stored.map(Certificate::validFrom).orElse(null));
        LocalDate to = first(check.date("validTo", feed.validTo(), "有效期截止日期"), stored.map(Certificate::validTo).orElse(null));
        RegistryImage photo = feed.photo() == null ? null
                : RegistryImage.decode(check, "photo", feed.photo(), RegistryImage.PHOTO_MAX_BYTES, false, "照片");
        check.require("idNo", idNo, "证件号码");
        check.require("uscc", uscc, "统一社会信用代码");
        check.require("category", category, "证书类别");
        check.require("position", position, "职务");
        check.require("status", status, "证书状态");
        check.require("firstIssueDate", firstIssue, "初次领证日期");
        check.require("validFrom", from, "有效期开始日期");
        check.require("validTo", to, "有效期截止日期");
        check.dateOrder("validTo", from, to, "有效期截止日期不能早于开始日期");
        if (number.isPresent() && category != null && number.get().category() != category) {
            check.add("INVALID_VALUE", "category", "证书类别与证书编号中的类别不符");
        }
        if (category != null && position != null && position != Position.P99 && !category.allows(position)) {
            check.add("POSITION_NOT_ALLOWED", "position", "职务" + position.displayName() + "不属于" + category.displayName() + "类别");
        }
        // The certificate keeps its copy of the names (they change through applications and 批量变更):
        // a name is copied from the registry only when it is first written or this feed gives it
        // another holder or enterprise. Only well-formed records are looked up; both missing
        // registrations are reported together.
        boolean wellFormed = check.isEmpty();
        boolean newHolder = stored.map(c -> !c.idNo().equals(idNo)).orElse(true);
        boolean newEnterprise = stored.map(c -> !c.uscc().equals(uscc)).orElse(true);
        Optional<String> holderName = wellFormed && newHolder ? persons.find(idNo).map(Person::name)
                : stored.map(Certificate::name);
        Optional<String> enterpriseName = wellFormed && newEnterprise ? enterprises.find(uscc).map(Enterprise::name)
                : stored.map(Certificate::enterpriseName);
        if (wellFormed && holderName.isEmpty()) {
            check.add("PERSON_NOT_REGISTERED", "idNo", "持证人尚未在从业人员信息登记中登记，请先登记人员");
        }
        if (wellFormed && enterpriseName.isEmpty()) {
            check.add("ENTERPRISE_NOT_REGISTERED", "uscc", "企业尚未登记，请先登记企业信息");
        }
        check.throwIfAny();
        String photoKey = store(photo, "photos", uploaded).orElse(stored.map(Certificate::photoKey).orElse(null));
        Certificate certificate = new Certificate(number.get().format(), idNo, holderName.get(), category, position,
                uscc, enterpriseName.get(), firstIssue, from, to, status, photoKey,
                stored.map(Certificate::licenceVersion).orElse(0), stored.map(Certificate::licenceId).orElse(null),
                stored.map(Certificate::ofdFileName).orElse(null), stored.map(Certificate::ofdKey).orElse(null));
        return OptimisticRetry.write(read, certificate, Objects::equals, certificates::insert, certificates::update);
    }

    /** The same registry entry, whenever it was fed. */
    private static boolean samePerson(Person a, Person b) {
        return a.equals(new Person(b.idNo(), b.name(), b.gender(), b.birthDate(), b.idType(), b.mobile(), b.photoKey(),
                b.signatureImageKey(), a.updatedAt()));
    }

    /** The same registry entry, whenever it was fed (a password fed again is a new hash, so a change). */
    private static boolean sameEnterprise(Enterprise a, Enterprise b) {
        return a.equals(new Enterprise(b.uscc(), b.name(), b.contactMobile(), b.signingPasswordHash(), a.updatedAt()));
    }

    private String checkedIdNo(FieldCheck check, String raw) {
        if (!check.present(raw)) {
            check.add("REQUIRED", "idNo", "证件号码不能为空");
            return null;
        }
        String idNo = IdNumber.normalize(raw);
        if (!isAcceptableIdNumber(idNo)) {
            check.add("INVALID_ID_NUMBER", "idNo", invalidIdNumber(idNo));
        }
        return idNo;
    }

    /** A mistyped ID number is still, but for a digit, someone's number: it is shown masked like any other. */
    private static String invalidIdNumber(String idNo) {
        return "证件号码无效：" + Masking.idNumber(idNo);
    }

    /**
     * Where the ID type is not known: an 18-character number must be a valid resident ID card
     * number; passports and permits carry no checksum, only a plausible shape.
     */
    private static boolean isAcceptableIdNumber(String idNo) {
        if (idNo == null) {
            return false;
        }
        return idNo.matches("\\d{17}[\\dX]") ? IdNumber.isValid(idNo) : IdNumber.isAcceptable(IdType.PASSPORT, idNo);
    }

    private String checkedUscc(FieldCheck check, String field, String raw) {
        String uscc = Uscc.normalize(raw);
        if (!Uscc.isValid(uscc)) {
            check.add("INVALID_USCC", field, "统一社会信用代码无效：" + Masking.echoed(raw));
        }
        return uscc;
    }

    /**
     * Puts the image under its content key, once per feed: a retried merge finds it there already
     * and keeps the window between its read and its write short.
     */
    private Optional<String> store(RegistryImage image, String folder, Set<String> uploaded) {
        if (image == null) {
            return Optional.empty();
        }
        String key = image.key(folder);
        if (uploaded.add(key)) {
            documents.put(key, image.bytes(), image.contentType());
        }
        return Optional.of(key);
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private Instant now() {
        return clock.instant();
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
