package eventdesk.web;

/** What every CSV export does to a text cell so that a spreadsheet shows it and never runs it. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Keeps spreadsheet apps from running a cell as a formula: a value starting with = + - @, tab or
     * CR gets a leading apostrophe. Nothing is removed, so "+82 10-1234-5678" survives as text.
     */
    public static String defused(String value) {
        if (value == null || value.isEmpty()) return value;
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
