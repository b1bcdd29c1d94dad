package anguan.domain.application;

/** The enterprise that confirms and signs the application, with the contact phone the person entered. */
public record ApplicationEnterprise(String uscc, String name, String phone) {
}
