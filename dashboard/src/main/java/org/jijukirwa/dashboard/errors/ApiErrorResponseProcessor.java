package org.jijukirwa.dashboard.errors;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The framework's own errors (no such route, wrong method, unreadable request...) in the API's JSON shape,
 * never an HTML page; a 5xx says nothing about its cause.
 */
@Singleton
public final class ApiErrorResponseProcessor
        implements ErrorResponseProcessor<ApiError>
{
    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response)
    {
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(ApiError.of(message(errorContext, response.status())));
    }

    private static String message(ErrorContext errorContext, HttpStatus status)
    {
        String path = errorContext.getRequest().getPath();
        if (status.getCode() >= 500) {
            return ApiExceptionHandlers.UNEXPECTED_ERROR;
        }
        if (status == HttpStatus.NOT_FOUND) {
            return "There is nothing at " + path + ".";
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            return "Sign in to see this.";
        }
        if (status == HttpStatus.FORBIDDEN) {
            return "Your account may not see this.";
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return "The method " + errorContext.getRequest().getMethodName() + " is not allowed on " + path + ".";
        }
        return errorContext.getErrors().stream()
                .map(Error::getMessage)
                .findFirst()
                .orElse(status.getReason());
    }
}
