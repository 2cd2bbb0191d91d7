package eventdesk.event;

/** What a custom question asks for, and so which input the form shows and which answers it takes. */
public enum QuestionType {
    /** One line of text (at most {@link Question#TEXT_MAX} characters). */
    TEXT,
    /** Several lines of text (at most {@link Question#LONG_TEXT_MAX} characters). */
    LONG_TEXT,
    /** One of the choices (radio buttons). */
    CHOICE,
    /** Any of the choices (checkboxes); the API sends an array of choice keys. */
    MULTI_CHOICE,
    /** Yes or no; the API sends true or false. */
    YES_NO,
    /** A number; the API sends a number (or its text). */
    NUMBER;

    public boolean hasChoices() {
        return this == CHOICE || this == MULTI_CHOICE;
    }
}
