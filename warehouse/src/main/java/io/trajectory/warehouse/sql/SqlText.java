package io.trajectory.warehouse.sql;

import java.util.ArrayList;
import java.util.List;

/** Lexical helpers for SQL text: aware of quotes, comments and the {@code ::} cast operator. */
final class SqlText {

    record Rewritten(String jdbcText, List<String> names) {
    }

    private SqlText() {
    }

    /** Splits a script on semicolons that are outside quotes and comments; drops empty statements. */
    static List<String> splitStatements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Scanner s = new Scanner(script);
        while (s.hasNext()) {
            int start = s.pos;
            char kind = s.advance();
            String token = script.substring(start, s.pos);
            if (kind == ';') {
                addIfNotBlank(out, current.toString());
                current.setLength(0);
            } else {
                current.append(token);
            }
        }
        addIfNotBlank(out, current.toString());
        return out;
    }

    /** Replaces {@code :name} outside quotes and comments with {@code ?}, in order of appearance. */
    static Rewritten rewriteNamedParameters(String sql) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        Scanner s = new Scanner(sql);
        while (s.hasNext()) {
            int start = s.pos;
            char kind = s.advance();
            if (kind == 'P') {
                names.add(sql.substring(start + 1, s.pos));
                out.append('?');
            } else {
                out.append(sql, start, s.pos);
            }
        }
        return new Rewritten(out.toString(), names);
    }

    /** Adds the statement unless it is only whitespace and comments (-- or block), which DuckDB rejects. */
    private static void addIfNotBlank(List<String> out, String statement) {
        Scanner s = new Scanner(statement);
        while (s.hasNext()) {
            int start = s.pos;
            char kind = s.advance();
            if (kind != '-' && !statement.substring(start, s.pos).isBlank()) {
                out.add(statement.strip());
                return;
            }
        }
    }

    /** Walks SQL text one token at a time: quote, comment, parameter, semicolon or other char. */
    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return pos < text.length();
        }

        /** Consumes one token and says what it was: '\'' string, '"' identifier, '-' comment, 'P' parameter, ';' or 'c'. */
        char advance() {
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                int end = pos + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == c) {
                        if (end + 1 < text.length() && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                pos = Math.min(end + 1, text.length());
                return c;
            }
            if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end;
                return '-';
            }
            if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
                return '-';
            }
            if (c == ':' && pos + 1 < text.length() && text.charAt(pos + 1) == ':') {
                pos += 2; // a cast, x::varchar
                return 'c';
            }
            if (c == ':' && pos + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(pos + 1))
                    && (pos == 0 || text.charAt(pos - 1) != ':')) {
                int end = pos + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                pos = end;
                return 'P';
            }
            pos++;
            return c == ';' ? ';' : 'c';
        }
    }
}
