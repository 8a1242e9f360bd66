package io.collectflow.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens an uploaded text body for a service: at most {@code collectflow.import-max-bytes} bytes
 * (checked against Content-Length up front and while streaming), decoded strictly as UTF-8.
 * Exceeding the limit raises {@link RequestTooLargeException}, undecodable bytes
 * {@link NotUtf8Exception}.
 */
@Component
public class CsvUpload {

    private final long maxBytes;

    public CsvUpload(@Value("${collectflow.import-max-bytes:52428800}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public <T> T read(InputStream body, long contentLength, Function<Reader, T> consumer) {
        if (contentLength > maxBytes) {
            throw new RequestTooLargeException(maxBytes);
        }
        CountingStream counted = new CountingStream(body, maxBytes);
        Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return consumer.apply(reader);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new NotUtf8Exception();
            }
            throw e;
        }
    }

    /** Counts bytes and stops at the limit. */
    private static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new RequestTooLargeException(limit);
            }
        }
    }
}
