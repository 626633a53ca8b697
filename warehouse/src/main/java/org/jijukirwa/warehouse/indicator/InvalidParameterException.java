package org.jijukirwa.warehouse.indicator;

import static java.util.Objects.requireNonNull;

/** A request parameter that cannot be answered; the message is a sentence for the user. */
public class InvalidParameterException
        extends RuntimeException
{
    private final String parameter;

    public InvalidParameterException(String parameter, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.parameter = requireNonNull(parameter, "parameter is null");
    }

    public String parameter()
    {
        return parameter;
    }
}
