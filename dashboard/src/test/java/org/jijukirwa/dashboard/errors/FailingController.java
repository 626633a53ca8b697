package org.jijukirwa.dashboard.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails as a bug would, for {@link UnexpectedErrorTest} only. */
@Controller("/api/v1/failing")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = UnexpectedErrorTest.ENABLING_PROPERTY, value = "true")
final class FailingController
{
    static final String SECRET_DETAIL = "secret detail of the failure at /var/lib/jijukirwa";

    @Get
    String fail()
    {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
