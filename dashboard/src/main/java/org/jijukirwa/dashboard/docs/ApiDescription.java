package org.jijukirwa.dashboard.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** What the OpenAPI document says about the API as a whole (read by micronaut-openapi at compile time). */
@OpenAPIDefinition(info = @Info(
        title = "Jijukirwa API",
        version = "v1",
        description = "Indicators of the cooperative formalisation programme, computed from the current warehouse snapshot: "
                + "the catalogue, answers to indicator queries, file exports (CSV, JSON, Parquet, Frictionless Data Package, "
                + "IATI results), the reference data, the ingest runs and the quarantine. Anyone may read indicators, exports and "
                + "reference data, with the counts of people protected by rounding; signing in with the manager role (HTTP basic authentication, or the dashboard's sign-in form: POST /api/v1/session and its session cookie, "
                + "whose changes need the X-CSRF-Token header) gives "
                + "exact figures and the runs, and the admin role also the quarantine.",
        license = @License(name = "Figures: CC-BY-4.0 unless configured otherwise")))
@SecurityScheme(name = ApiDescription.BASIC_AUTHENTICATION, type = SecuritySchemeType.HTTP, scheme = "basic")
public final class ApiDescription
{
    public static final String BASIC_AUTHENTICATION = "basicAuth";

    private ApiDescription()
    {
    }
}
