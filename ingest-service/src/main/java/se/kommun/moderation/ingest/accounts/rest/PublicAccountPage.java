package se.kommun.moderation.ingest.accounts.rest;

import java.util.List;

/** The public account list as a small HTML page. Everything that came from a person is escaped. */
final class PublicAccountPage {

    private PublicAccountPage() {
    }

    static String render(List<PublicAccount> accounts) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><title>Kommunens konton i sociala medier</title></head>
                <body><h1>Kommunens konton i sociala medier</h1>
                <table><thead><tr><th>Kanal</th><th>Konto</th><th>Ansvarig förvaltning</th><th>Syfte</th><th>Öppnat</th></tr></thead><tbody>
                """);
        for (PublicAccount a : accounts) {
            String name = a.url() == null ? escape(a.name())
                    : "<a href=\"" + escape(a.url()) + "\" rel=\"noopener\">" + escape(a.name()) + "</a>";
            html.append("<tr><td>").append(escape(a.platform())).append("</td><td>").append(name)
                    .append("</td><td>").append(escape(a.owningUnit())).append("</td><td>").append(escape(a.purpose()))
                    .append("</td><td>").append(a.openedOn() == null ? "" : a.openedOn()).append("</td></tr>\n");
        }
        return html.append("</tbody></table></body></html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
