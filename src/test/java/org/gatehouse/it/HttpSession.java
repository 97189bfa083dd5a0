package org.gatehouse.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in (or anonymous) user speaking plain HTTP to the application, with no browser: for
 * requests the pages would never make, such as postbacks of buttons the user is not shown.
 */
public final class HttpSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"gatehouse.token\" value=\"([^\"]+)\"");
    /** The session's page token, as its stateless pages put it into their forms. */
    private volatile String pageToken;
    /** The CSP nonce of each view this session was shown, which PrimeFaces' script adds to every form it posts. */
    private final Map<String, String> nonces = new java.util.concurrent.ConcurrentHashMap<>();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public HttpSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static HttpSession signedIn(String base, String email, String password) throws Exception {
        HttpSession session = new HttpSession(base);
        if (email != null) {
            HttpResponse<String> page = session.get("login");
            HttpResponse<String> login = session.post(
                    "login",
                    viewState(page.body()),
                    Map.of("login", "login", "login:email", email, "login:password", password, "login:submit", ""));
            if (login.statusCode() != 302) {
                throw new IllegalStateException("login of " + email + " failed: " + login.statusCode());
            }
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher token = PAGE_TOKEN.matcher(response.body());
        if (token.find()) {
            pageToken = token.group(1);
        }
        String viewState = viewState(response.body());
        Matcher nonce = NONCE.matcher(response.body());
        if (viewState != null && nonce.find()) {
            nonces.put(viewState, nonce.group(1));
        }
        return response;
    }

    /** The CSP nonce of the view with this state, as PrimeFaces' script adds it to the view's forms. */
    public String nonce(String viewState) {
        return nonces.get(viewState);
    }

    /**
     * The form as the page posts it: with the view's CSP nonce and, for a stateless page, the
     * session's page token, unless the caller gave them.
     */
    private Map<String, String> withNonce(Map<String, String> form, String viewState) {
        if (viewState != null && nonces.containsKey(viewState) && !form.containsKey("primefaces.nonce")) {
            form.put("primefaces.nonce", nonces.get(viewState));
        }
        if ("stateless".equals(viewState) && pageToken != null && !form.containsKey("gatehouse.token")) {
            form.put("gatehouse.token", pageToken);
        }
        return form;
    }

    public HttpResponse<String> post(String path, String viewState, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = withNonce(new LinkedHashMap<>(fields), viewState);
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A form with a file, posted as a browser posts {@code multipart/form-data}. */
    public HttpResponse<String> postMultipart(
            String path,
            String viewState,
            Map<String, String> fields,
            String fileField,
            String fileName,
            byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> form = withNonce(new LinkedHashMap<>(fields), viewState);
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        String boundary = "----gatehouse" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A JSF AJAX request, as PrimeFaces sends it. */
    public HttpResponse<String> postAjax(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Faces-Request", "partial/ajax")
                        .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSF AJAX postback with the given fields, as PrimeFaces sends it. */
    public HttpResponse<String> postAjax(String path, String viewState, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = withNonce(new LinkedHashMap<>(fields), viewState);
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.ViewState", viewState);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Faces-Request", "partial/ajax")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The session's cookies as a request header line, for {@link RawHttp}. */
    public String cookieHeader() {
        return "Cookie: "
                + cookies.getCookieStore().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue())
                        .collect(Collectors.joining("; "));
    }

    public static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        return matcher.find() ? matcher.group(1) : null;
    }
}
