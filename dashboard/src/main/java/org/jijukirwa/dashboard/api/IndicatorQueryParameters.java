package org.jijukirwa.dashboard.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of an indicator query (interfaces.md), shared by the answer and every export:
 * the query parameters the warehouse parses, and the errors it answers, described in src/main/openapi/components.yml.
 * Documentation only; the controllers read the raw parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "id", in = ParameterIn.PATH, ref = "#/components/parameters/id")
@Parameter(name = "by", in = ParameterIn.QUERY, ref = "#/components/parameters/by")
@Parameter(name = "as_of", in = ParameterIn.QUERY, ref = "#/components/parameters/as_of")
@Parameter(name = "from", in = ParameterIn.QUERY, ref = "#/components/parameters/from")
@Parameter(name = "to", in = ParameterIn.QUERY, ref = "#/components/parameters/to")
@Parameter(name = "grain", in = ParameterIn.QUERY, ref = "#/components/parameters/grain")
@Parameter(name = "province", in = ParameterIn.QUERY, ref = "#/components/parameters/province")
@Parameter(name = "district", in = ParameterIn.QUERY, ref = "#/components/parameters/district")
@Parameter(name = "value_chain", in = ParameterIn.QUERY, ref = "#/components/parameters/value_chain")
@Parameter(name = "sex", in = ParameterIn.QUERY, ref = "#/components/parameters/sex")
@Parameter(name = "age_band", in = ParameterIn.QUERY, ref = "#/components/parameters/age_band")
@Parameter(name = "topic", in = ParameterIn.QUERY, ref = "#/components/parameters/topic")
@ApiResponse(responseCode = "400", ref = "#/components/responses/BadParameter")
@ApiResponse(responseCode = "404", ref = "#/components/responses/UnknownIndicator")
@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyQueries")
@ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
@ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
public @interface IndicatorQueryParameters
{
}
