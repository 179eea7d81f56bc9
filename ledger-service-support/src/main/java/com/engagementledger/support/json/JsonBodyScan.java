package com.engagementledger.support.json;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * One pass over a body's tokens before it is bound, for what binding cannot see: a key given twice (binding keeps
 * the last), content after the document, and text that is not well-formed Unicode (a lone UTF-16 surrogate, which
 * one copy keeps and another writes as {@code ?}) or holds a NUL (which PostgreSQL stores in neither text nor
 * jsonb). Each names the field by its path: {@code labels.k}, {@code tags[1]}.
 */
final class JsonBodyScan {
    private JsonBodyScan() {
    }

    /** Throws the answer for the first such fault; a body that is not JSON at all is left to the binding. */
    static void check(JsonParser parser) throws IOException {
        // this pass finds a repeated key itself, with its path; the parser's own check would throw without one
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Deque<Set<String>> keys = new ArrayDeque<>();
        JsonToken token = parser.nextToken();
        while (token != null) {
            switch (token) {
                case START_OBJECT -> keys.push(new HashSet<>());
                case END_OBJECT -> keys.pop();
                case FIELD_NAME -> {
                    String name = parser.currentName();
                    text(name, path(parser.getParsingContext()));
                    if (!keys.peek().add(name)) {
                        String field = path(parser.getParsingContext());
                        throw ApiProblem.malformedField(field, FieldRule.DUPLICATE, "the key " + field
                                + " appears more than once");
                    }
                }
                case VALUE_STRING -> text(parser.getText(), path(parser.getParsingContext()));
                default -> {
                }
            }
            if (parser.getParsingContext().inRoot()) {
                if (parser.nextToken() != null) {
                    throw ApiProblem.of(ProblemCatalog.REQUEST_BODY_MALFORMED, "the body has content after its "
                            + "JSON document");
                }
                return;
            }
            token = parser.nextToken();
        }
    }

    private static void text(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw ApiProblem.invalidField(field, FieldRule.CHARACTERS, field + " holds a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiProblem.invalidField(field, FieldRule.CHARACTERS, field + String.format(" holds a lone "
                        + "UTF-16 surrogate (U+%04X) at position %d: text must be well-formed Unicode", (int) c, i));
            }
        }
    }

    /** {@code child.tags[1]}: the names and indexes from the document's root to the current token. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push(c.getCurrentName() == null ? "?" : c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return Problems.visible(path.toString());
    }
}
