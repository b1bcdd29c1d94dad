package anguan.domain.application;

/** A document of an application in the document store: its kind (form, signed-form, …), file name and key. */
public record DocumentRef(String kind, String fileName, String key) {
}
