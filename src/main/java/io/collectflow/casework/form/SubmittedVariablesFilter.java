package io.collectflow.casework.form;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records which variables a REST client submits when it completes a task — {@code POST …/task/{id}/complete} or
 * {@code …/submit-form} of the engine's REST API ({@code /engine-rest}, also {@code /engine-rest/engine/{name}}) and of
 * the webapps' API Tasklist uses ({@code /camunda/api/engine/engine/{name}}) — for {@link SubmittedVariablesCheck},
 * and passes the request on unchanged (its body read once and replayed). Runs after the security filters. Anything it
 * cannot read (no JSON object, no {@code variables}) passes unrecorded: the REST API answers it as it does.
 */
@Component
class SubmittedVariablesFilter extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(
        "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || taskId(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replayed = new Replayed(request, body);
        Set<String> names = variableNames(body);
        if (names == null) {
            chain.doFilter(replayed, response);
        } else {
            SubmittedVariables.during(taskId(request), names, () -> chain.doFilter(replayed, response));
        }
    }

    /** The task a completion request names, else null. */
    static String taskId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher completion = COMPLETION.matcher(URLDecoder.decode(path.replaceAll("/{2,}", "/").replaceAll("/$", ""),
            StandardCharsets.UTF_8));
        return completion.matches() ? completion.group(1) : null;
    }

    /** The names under {@code variables} of a JSON body; null when the body has none to tell. */
    static Set<String> variableNames(byte[] body) {
        try {
            JsonNode variables = JSON.readTree(body).path("variables");
            if (!variables.isObject()) {
                return null;
            }
            Set<String> names = new LinkedHashSet<>();
            variables.fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** The request with its body served again from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
