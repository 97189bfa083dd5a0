package org.gatehouse.web;

import java.util.regex.Pattern;

/**
 * The parts of an admin URL after {@code /admin/}: the view name, and optionally the record id
 * and whether it is the edit form. {@code new} in the id position means the create form.
 */
public record AdminPath(String view, String id, Mode mode) {

    public static final String ATTRIBUTE = "org.gatehouse.adminPath";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public enum Mode {
        LIST,
        DETAILS,
        EDIT,
        CREATE,
        EXPORT,
        TRASH,
        IMPORT
    }

    /** Parses {@code view[/id[/edit]]} or {@code view/new}; {@code null} when it is none of them. */
    public static AdminPath parse(String rest) {
        String trimmed = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        String[] parts = trimmed.split("/", -1);
        if (parts.length == 0 || !NAME.matcher(parts[0]).matches()) {
            return null;
        }
        if (parts.length == 1) {
            return new AdminPath(parts[0], null, Mode.LIST);
        }
        if (parts.length == 2 && parts[1].equals("new")) {
            return new AdminPath(parts[0], null, Mode.CREATE);
        }
        if (parts.length == 2 && parts[1].equals("export.csv")) {
            return new AdminPath(parts[0], null, Mode.EXPORT);
        }
        if (parts.length == 2 && parts[1].equals("trash")) {
            return new AdminPath(parts[0], null, Mode.TRASH);
        }
        if (parts.length == 2 && parts[1].equals("import")) {
            return new AdminPath(parts[0], null, Mode.IMPORT);
        }
        if (!ID.matcher(parts[1]).matches()
                || parts[1].equals("new")
                || parts[1].equals("trash")
                || parts[1].equals("import")) {
            // "new" is the create form only: "orders/new/edit" would be a second spelling of nothing
            return null;
        }
        if (parts.length == 2) {
            return new AdminPath(parts[0], parts[1], Mode.DETAILS);
        }
        if (parts.length == 3 && parts[2].equals("edit")) {
            return new AdminPath(parts[0], parts[1], Mode.EDIT);
        }
        return null;
    }

    public String page() {
        return switch (mode) {
            case LIST -> AdminPages.VIEWS + "/admin/list.xhtml";
            case DETAILS -> AdminPages.VIEWS + "/admin/details.xhtml";
            case EDIT, CREATE -> AdminPages.VIEWS + "/admin/form.xhtml";
            case EXPORT -> CsvExportServlet.PATH;
            case TRASH -> AdminPages.VIEWS + "/admin/trash.xhtml";
            case IMPORT -> AdminPages.VIEWS + "/admin/import.xhtml";
        };
    }
}
