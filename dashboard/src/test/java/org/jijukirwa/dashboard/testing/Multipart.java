package org.jijukirwa.dashboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A multipart/form-data POST as a browser sends it, over the JDK's client: any status comes back. */
public final class Multipart
{
    private static final String BOUNDARY = "----jijukirwa-test-boundary";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<byte[]> parts = new ArrayList<>();

    public Multipart file(String name, String fileName, byte[] content)
    {
        parts.add(join(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8), content, "\r\n".getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public Multipart file(String name, String fileName, String content)
    {
        return file(name, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Multipart field(String name, String value)
    {
        parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** POSTs the parts to {@code path} of the server, signed in as {@code user} (null: anonymous). */
    public HttpResponse<String> post(URL server, String path, String user, String password)
    {
        byte[] body = join(join(parts.toArray(byte[][]::new)), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] join(byte[]... pieces)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }
}
