package io.collectflow.contact.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the SMS vendor's and the IVR's HTTP APIs: answers from a script of status codes
 * (default 200), optionally slow, and records every request.
 */
class GatewayStub {

    record Request(String path, String authorization, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    volatile int defaultStatus = 200;
    volatile long delayFirstMillis;
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    GatewayStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void reset() {
        requests.clear();
        script.clear();
        defaultStatus = 200;
        delayFirstMillis = 0;
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (delayFirstMillis > 0) {
            long delay = delayFirstMillis;
            delayFirstMillis = 0;
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer scripted = script.poll();
        int status = scripted == null ? defaultStatus : scripted;
        String answer;
        if (status == 200) {
            String id = (exchange.getRequestURI().getPath().contains("ivr") ? "call-" : "msg-") + ids.incrementAndGet();
            answer = exchange.getRequestURI().getPath().contains("ivr") ? "{\"callId\":\"" + id + "\"}"
                : "{\"messageId\":\"" + id + "\"}";
        } else {
            answer = "{\"error\":\"status " + status + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (read timeout): nothing to answer
        }
    }
}
