package anguan.local.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The gateway's HTTP/1.1 server on 127.0.0.1. It reads each request off the socket itself so that
 * whatever a client sends (a broken {@code %} escape, a bad request line, malformed headers, a body
 * over the limit) is answered in {@code application/problem+json} like every other gateway error.
 * The JDK's {@code com.sun.net.httpserver} answers those with an HTML page of its own
 * ({@code URISyntaxException thrown}) before any filter or handler runs, so it cannot serve here.
 *
 * <p>What it speaks: request lines in origin or absolute form, HTTP/1.0 and 1.1, keep-alive,
 * {@code Content-Length} and chunked bodies, {@code Expect: 100-continue}. Every answer carries a
 * {@code Content-Length}. A connection per virtual thread; idle connections close after a minute.
 */
final class HttpListener implements AutoCloseable {
    /** Request line and headers together; API Gateway's own limit on headers is 10 KiB. */
    static final int MAX_HEAD = 64 * 1024;
    private static final int IDLE_MILLIS = 60_000;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Answers one well-formed request. */
    @FunctionalInterface
    interface Handler {
        GatewayResponse handle(GatewayRequest request);
    }

    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Handler handler;
    private final int maxBody;
    private final Consumer<String> rejected;

    private HttpListener(ServerSocket server, Handler handler, int maxBody, Consumer<String> rejected) {
        this.server = server;
        this.handler = handler;
        this.maxBody = maxBody;
        this.rejected = rejected;
        this.connections = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-", 1).factory());
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port     0 for any free port
     * @param rejected told the request line (as far as it was read) and status of each request
     *                 answered without reaching {@code handler}
     */
    static HttpListener start(int port, int backlog, int maxBody, Handler handler, Consumer<String> rejected) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        HttpListener listener = new HttpListener(server, handler, maxBody, rejected);
        Thread accept = new Thread(listener::accept, "gateway-accept");
        accept.setDaemon(true);
        accept.start();
        return listener;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(HttpListener::closeQuietly);
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        open.remove(socket);
                        closeQuietly(socket);
                    }
                });
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                System.err.println("[gateway] accept failed: " + e);
            } catch (RuntimeException shutDown) {
                // the executor refuses work once closed
                return;
            }
        }
    }

    /** One connection: requests in turn until the client or the protocol closes it. */
    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(IDLE_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            String sourceIp = socket.getInetAddress().getHostAddress();
            boolean keepAlive = true;
            while (keepAlive) {
                Head head;
                try {
                    head = Head.read(in);
                    if (head == null) {
                        return;
                    }
                } catch (Malformed m) {
                    reject(out, m.requestLine, m.response);
                    return;
                }
                keepAlive = head.keepAlive();
                byte[] body;
                try {
                    body = body(head, in, out);
                } catch (Malformed m) {
                    reject(out, head.requestLine(), m.response);
                    return;
                }
                GatewayRequest request = new GatewayRequest(head.method(), head.rawPath(), head.rawQuery(), head.headers(),
                        body, sourceIp, head.version(), Map.of());
                write(out, handler.handle(request), head.method().equals("HEAD"), !keepAlive);
            }
        } catch (IOException | UncheckedIOException clientGoneOrIdle) {
            // nothing to tell a client that is gone or silent
        }
    }

    private void reject(OutputStream out, String requestLine, GatewayResponse response) throws IOException {
        rejected.accept(requestLine + " -> " + response.status());
        write(out, response, false, true);
    }

    /** The body by Content-Length or chunks, at most {@code maxBody} bytes; 100 Continue first when asked for. */
    private byte[] body(Head head, InputStream in, OutputStream out) throws IOException {
        List<String> transferEncoding = head.headers().get("transfer-encoding");
        List<String> contentLength = head.headers().get("content-length");
        if (transferEncoding != null && contentLength != null) {
            throw Malformed.badRequest(head.requestLine(), "请求同时带有 Transfer-Encoding 与 Content-Length");
        }
        boolean chunked = transferEncoding != null;
        if (chunked && !String.join(",", transferEncoding).trim().equalsIgnoreCase("chunked")) {
            throw Malformed.badRequest(head.requestLine(), "只支持 Transfer-Encoding: chunked");
        }
        long length = 0;
        if (contentLength != null) {
            String value = contentLength.stream().map(String::trim).distinct().reduce((a, b) -> a + "," + b).orElse("");
            if (!DIGITS.matcher(value).matches()) {
                throw Malformed.badRequest(head.requestLine(), "Content-Length 无效：" + value);
            }
            length = Long.parseLong(value);
            if (length > maxBody) {
                throw new Malformed(head.requestLine(), tooLarge());
            }
        }
        if ((chunked || length > 0) && head.headers().getOrDefault("expect", List.of()).stream()
                .anyMatch(v -> v.trim().equalsIgnoreCase("100-continue"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        if (!chunked) {
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("body cut short");
            }
            return body;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = Head.line(in, MAX_HEAD, head.requestLine());
            if (sizeLine == null) {
                throw new EOFException("chunked body cut short");
            }
            String size = sizeLine.split(";", 2)[0].trim();
            if (!HEX.matcher(size).matches()) {
                throw Malformed.badRequest(head.requestLine(), "分块长度无效：" + size);
            }
            long chunk = Long.parseLong(size, 16);
            if (chunk == 0) {
                break;
            }
            if (body.size() + chunk > maxBody) {
                throw new Malformed(head.requestLine(), tooLarge());
            }
            byte[] data = in.readNBytes((int) chunk);
            if (data.length < chunk || !"".equals(Head.line(in, 2, head.requestLine()))) {
                throw Malformed.badRequest(head.requestLine(), "分块数据不完整");
            }
            body.writeBytes(data);
        }
        String trailer;
        do {
            trailer = Head.line(in, MAX_HEAD, head.requestLine());
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
    }

    private GatewayResponse tooLarge() {
        return GatewayResponse.problem(413, "PAYLOAD_TOO_LARGE", "请求内容过大", "请求体不能超过 " + (maxBody / (1024 * 1024)) + " MiB");
    }

    private static void write(OutputStream out, GatewayResponse response, boolean head, boolean close) throws IOException {
        int status = response.status();
        boolean bodyless = status == 204 || status == 304 || status < 200;
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        response.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (TOKEN.matcher(name).matches() && !lower.equals("content-length") && !lower.equals("transfer-encoding")
                    && !lower.equals("connection")) {
                // A CR or LF in a function's header value would split the response: printed as a space.
                values.forEach(v -> text.append(name).append(": ").append(v.replaceAll("[\r\n]", " ")).append("\r\n"));
            }
        });
        text.append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (!bodyless) {
            text.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (close) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        if (!head && !bodyless) {
            out.write(response.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** A request that cannot be served, with the answer it gets; the connection closes after it. */
    static final class Malformed extends IOException {
        final String requestLine;
        final transient GatewayResponse response;

        Malformed(String requestLine, GatewayResponse response) {
            super(response.status() + " " + requestLine, null);
            this.requestLine = requestLine;
            this.response = response;
        }

        static Malformed badRequest(String requestLine, String detail) {
            return new Malformed(requestLine, GatewayResponse.badRequest(detail));
        }
    }

    /**
     * The request line and headers.
     *
     * @param rawPath  percent-encoded as sent (raw UTF-8 bytes escaped, see {@link HttpGateway#percentEncodeNonAscii})
     * @param rawQuery without {@code ?}; empty when there is none
     * @param headers  by lower-case name, every value in arrival order
     */
    record Head(String requestLine, String method, String rawPath, String rawQuery, String version,
                Map<String, List<String>> headers) {

        /** The next request's head, or null when the client closed the connection between requests. */
        static Head read(InputStream in) throws IOException {
            String requestLine;
            do {
                // RFC 9112 2.2: empty lines before a request line are ignored.
                requestLine = line(in, MAX_HEAD, "");
                if (requestLine == null) {
                    return null;
                }
            } while (requestLine.isEmpty());
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches()) {
                throw Malformed.badRequest(requestLine, "请求行格式错误，应为“方法 路径 HTTP/1.1”");
            }
            if (!VERSION.matcher(parts[2]).matches()) {
                throw Malformed.badRequest(requestLine, "不支持的 HTTP 版本：" + parts[2] + "（请使用 HTTP/1.1）");
            }
            String target = target(requestLine, parts[1]);
            int question = target.indexOf('?');
            String rawPath = question < 0 ? target : target.substring(0, question);
            String rawQuery = question < 0 ? "" : target.substring(question + 1);
            checkEscapes(requestLine, rawPath, "路径");
            checkEscapes(requestLine, rawQuery, "查询参数");

            Map<String, List<String>> headers = new LinkedHashMap<>();
            int size = requestLine.length();
            while (true) {
                String line = line(in, MAX_HEAD - size, requestLine);
                if (line == null) {
                    throw new EOFException("headers cut short");
                }
                if (line.isEmpty()) {
                    break;
                }
                size += line.length() + 2;
                int colon = line.indexOf(':');
                if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                    throw Malformed.badRequest(requestLine, "请求头格式错误");
                }
                headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            String method = parts[0].toUpperCase(Locale.ROOT);
            String path = HttpGateway.percentEncodeNonAscii(rawPath);
            String query = HttpGateway.percentEncodeNonAscii(rawQuery);
            checkUtf8(requestLine, path, "路径");
            checkUtf8(requestLine, query, "查询参数");
            return new Head(requestLine, method, path, query, parts[2], headers);
        }

        boolean keepAlive() {
            String connection = String.join(",", headers.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
            return version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        }

        /** The path and query of an origin-form ({@code /a?b}) or absolute-form ({@code http://host/a?b}) target. */
        private static String target(String requestLine, String target) throws Malformed {
            String t = target;
            int hash = t.indexOf('#');
            if (hash >= 0) {
                t = t.substring(0, hash);
            }
            if (t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8)) {
                int slash = t.indexOf('/', t.indexOf("//") + 2);
                int question = t.indexOf('?', t.indexOf("//") + 2);
                int start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
                t = start < 0 ? "/" : t.charAt(start) == '?' ? "/" + t.substring(start) : t.substring(start);
            }
            if (!t.startsWith("/")) {
                throw Malformed.badRequest(requestLine, "请求路径应以 / 开头");
            }
            return t;
        }

        /** Every {@code %} followed by two hex digits, and no control characters. */
        private static void checkEscapes(String requestLine, String raw, String where) throws Malformed {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c < 0x21 || c == 0x7F) {
                    throw Malformed.badRequest(requestLine, where + "中含有控制字符");
                }
                if (c == '%' && (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0)) {
                    throw Malformed.badRequest(requestLine, where + "中含有无效的 % 编码（% 后应为两位十六进制数字，% 本身应写作 %25）");
                }
            }
        }

        /** What the escapes of an all-ASCII {@code raw} stand for must be UTF-8, as API Gateway decodes it. */
        private static void checkUtf8(String requestLine, String raw, String where) throws Malformed {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%') {
                    bytes.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray()));
            } catch (CharacterCodingException e) {
                throw Malformed.badRequest(requestLine, where + "不是有效的 UTF-8 编码");
            }
        }

        /**
         * One line without its CR LF, bytes as ISO-8859-1 (as the JDK server read them); null at the
         * end of the stream before any byte.
         */
        static String line(InputStream in, int limit, String requestLine) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    if (line.size() == 0) {
                        return null;
                    }
                    throw new EOFException("line cut short");
                }
                if (line.size() >= limit) {
                    throw new Malformed(requestLine.isEmpty() ? "(request line too long)" : requestLine,
                            GatewayResponse.problem(431, "REQUEST_HEADER_TOO_LARGE", "请求头过大",
                                    "请求行与请求头合计不能超过 " + (MAX_HEAD / 1024) + " KiB"));
                }
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
