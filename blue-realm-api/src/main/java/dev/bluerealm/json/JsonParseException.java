package dev.bluerealm.json;

/**
 * Text that {@link JsonParser} refused, with the offset (0-based, in chars) where it went wrong.
 *
 * @since 0.1
 */
public final class JsonParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    public JsonParseException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
        this.reason = message;
    }

    /** What is wrong, without the position (for messages that show it their own way). */
    public String reason() {
        return reason;
    }

    /** The 0-based offset in the text where parsing failed. */
    public int position() {
        return position;
    }
}
