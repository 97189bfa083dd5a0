package org.gatehouse.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /account/session-size}: what the caller's own session costs to replicate, as JSON — the
 * serialized size of each attribute and in total. A replicated session is written to the other
 * nodes whenever it changes, so its size is a figure operators and the benchmark watch. Names
 * and sizes only; no value is shown.
 */
@WebServlet(name = "SessionSize", urlPatterns = "/account/session-size")
public class SessionSizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Map<String, Integer> sizes = new TreeMap<>();
        if (session != null) {
            for (String name : Collections.list(session.getAttributeNames())) {
                sizes.put(name, serializedSize(session.getAttribute(name)));
            }
        }
        StringBuilder json = new StringBuilder("{\"bytes\":")
                .append(sizes.values().stream()
                        .mapToInt(size -> Math.max(0, size))
                        .sum())
                .append(",\"attributes\":{");
        sizes.forEach((name, size) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(name.replaceAll("[^\\w.$-]", "_"))
                .append("\":")
                .append(size));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.append("}}").toString());
    }

    /** Bytes of the value in Java serialization, as a replicated session stores it; -1 if not serializable. */
    static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            return -1;
        }
        return bytes.size();
    }
}
