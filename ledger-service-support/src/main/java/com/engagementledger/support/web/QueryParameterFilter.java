package com.engagementledger.support.web;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog.FieldRule;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Query parameters are text someone typed into a filter. One whose name or value holds a control character (a NUL,
 * which PostgreSQL refuses in text and which made services answer 500; a line break that forges a log line), or that
 * is not percent-encoded UTF-8, is a 400 naming the parameter before anything reads it. The query string is decoded
 * here as Tomcat decodes it ({@code +} is a space); a form body is not read.
 */
class QueryParameterFilter extends OncePerRequestFilter {
    private final ObjectMapper json;

    QueryParameterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        ApiProblem refused = query == null ? null : check(query);
        if (refused != null) {
            Problems.write(request, response, refused.toProblemDetail(), json);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter the query string must not carry, as its answer; null when all are text. */
    static ApiProblem check(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name;
            try {
                name = decode(rawName);
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return ApiProblem.invalidParameter(rawName, FieldRule.FORMAT, "a parameter name is not "
                        + "percent-encoded UTF-8");
            }
            String visibleName = Problems.visible(name);
            if (!visibleName.equals(name)) {
                return ApiProblem.invalidParameter(visibleName, FieldRule.CHARACTERS, "the parameter's name holds "
                        + "a control character");
            }
            String value;
            try {
                value = decode(rawValue);
            } catch (IllegalArgumentException e) {
                return ApiProblem.invalidParameter(name, FieldRule.FORMAT, "parameter " + name + " is not "
                        + "percent-encoded: '%' must be followed by two hexadecimal digits");
            } catch (CharacterCodingException e) {
                return ApiProblem.invalidParameter(name, FieldRule.CHARACTERS, "parameter " + name + " is not "
                        + "UTF-8 text");
            }
            int at = firstControl(value);
            if (at >= 0) {
                return ApiProblem.invalidParameter(name, FieldRule.CHARACTERS, "parameter " + name + " holds a "
                        + String.format("control character (U+%04X) at position %d", (int) value.charAt(at), at));
            }
        }
        return null;
    }

    private static String decode(String raw) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("not an escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
