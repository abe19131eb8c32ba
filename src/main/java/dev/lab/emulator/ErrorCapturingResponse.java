package dev.lab.emulator;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Holds back the body of an error response so it can be edited before it is
 * sent. S3Proxy sets the error status before it asks for a writer, and writes
 * error documents through the writer only, so successful responses (and their
 * streamed object bodies) pass straight through.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {
    private StringWriter captured;

    ErrorCapturingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (getStatus() >= 400 && !isCommitted()) {
            captured = new StringWriter();
            return new PrintWriter(captured);
        }
        return super.getWriter();
    }

    /** The held-back error body, or {@code null} when nothing was held back. */
    String capturedBody() {
        return captured == null ? null : captured.toString();
    }
}
