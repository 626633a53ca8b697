package org.jijukirwa.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helper: one request with the real HTTP client, any status, the body as text and as a JSON tree. */
public final class ApiClient
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    public ApiClient(HttpClient client)
    {
        this.client = client;
    }

    public Response get(String uri)
    {
        return send(HttpRequest.GET(uri));
    }

    public Response get(String uri, String user, String password)
    {
        return send(HttpRequest.<Object>GET(uri).basicAuth(user, password));
    }

    public Response send(HttpMethod method, String uri)
    {
        return send(HttpRequest.create(method, uri));
    }

    /** Any request as built by the test: cookies, headers, a body. */
    public Response send(MutableHttpRequest<?> request)
    {
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        }
        catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            return new Response(failed.code(), failed.getBody(String.class).orElse(""), failed);
        }
        return new Response(response.code(), response.getBody().orElse(""), response);
    }

    public static JsonNode json(String text)
    {
        try {
            return JSON.readTree(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    public record Response(int status, String body, HttpResponse<?> response)
    {
        public JsonNode json()
        {
            return ApiClient.json(body);
        }

        public String header(String name)
        {
            return response.getHeaders().get(name);
        }
    }
}
