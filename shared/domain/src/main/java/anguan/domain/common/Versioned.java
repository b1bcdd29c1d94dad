package anguan.domain.common;

/**
 * A record as it was read, with the version its stored item was at. A write that follows the read
 * names that version and lands only if nobody has written since (optimistic locking: there are no
 * transactions). A new item is stored at version 1 and every update raises it by one.
 *
 * @param version 0 for an item stored before items carried versions
 */
public record Versioned<T>(T value, long version) {
}
