package com.engagementledger.testsupport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Writes through to the client at once (streams stay streams, memory stays bounded) and keeps a copy of the first
 * {@value #LIMIT} bytes for {@link OpenApiExchangeRecorder}; a longer body is marked truncated and its schema is not
 * checked.
 */
class TeeResponse extends HttpServletResponseWrapper {
    static final int LIMIT = 1 << 20;

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean truncated;
    private ServletOutputStream stream;
    private PrintWriter writer;

    TeeResponse(HttpServletResponse response) {
        super(response);
    }

    byte[] body() {
        return copy.toByteArray();
    }

    boolean truncated() {
        return truncated;
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (copy.size() + length > LIMIT) {
            truncated = true;
        } else {
            copy.write(bytes, offset, length);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream target = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    target.write(b);
                    keep(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    target.write(bytes, offset, length);
                    keep(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    target.flush();
                }

                @Override
                public boolean isReady() {
                    return target.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    target.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    Charset.forName(getCharacterEncoding())), false);
        }
        return writer;
    }

    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }
}
