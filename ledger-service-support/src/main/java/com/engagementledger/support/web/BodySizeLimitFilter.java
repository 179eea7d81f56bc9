package com.engagementledger.support.web;

import com.engagementledger.support.problem.ApiProblem;
import com.engagementledger.support.problem.ProblemCatalog;
import com.engagementledger.support.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bodies over the limit (256 KiB by default) are refused with 413 before anything is parsed: by Content-Length when
 * it is given, and by counting the bytes of a chunked body as they are read (the reader then gets an
 * {@link ApiProblem} that the Problem Details advice answers).
 */
class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final ObjectMapper json;

    BodySizeLimitFilter(long maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // the rest of the body is not read: the connection cannot carry another request after this answer
            response.setHeader("Connection", "close");
            Problems.write(request, response, tooLarge().toProblemDetail(), json);
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(ProblemCatalog.REQUEST_BODY_TOO_LARGE, "the request body is larger than " + maxBytes
                + " bytes");
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long count;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    count += n;
                    if (count > maxBytes) {
                        throw tooLarge();
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
