package io.gatehouse.operations;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /openapi}: the OpenAPI 3.1 document of every endpoint, kept by hand in
 * {@code src/main/resources/openapi/gatehouse.json} (a test fails when it and the code disagree).
 */
@WebServlet("/openapi")
public class OpenApiServlet extends HttpServlet {

    static final String DOCUMENT = "/openapi/gatehouse.json";

    private byte[] document;

    @Override
    public void init() throws ServletException {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new ServletException("Missing " + DOCUMENT);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new ServletException("Cannot read " + DOCUMENT, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Public by nature, and Swagger UI or an editor on another origin may load it.
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
