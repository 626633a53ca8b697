package org.jijukirwa.warehouse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed allow-list of dimensions; each is both a by-dimension and a filter parameter. */
public enum Dimension
{
    PROVINCE("province"),
    DISTRICT("district"),
    VALUE_CHAIN("value_chain"),
    SEX("sex"),
    AGE_BAND("age_band"),
    TOPIC("topic");

    private final String parameterName;

    Dimension(String parameterName)
    {
        this.parameterName = parameterName;
    }

    /** The name in requests, answers and SQL column aliases. */
    public String parameterName()
    {
        return parameterName;
    }

    public static Optional<Dimension> forName(String name)
    {
        return Arrays.stream(values()).filter(dimension -> dimension.parameterName.equals(name)).findFirst();
    }

    public static List<String> names()
    {
        return Arrays.stream(values()).map(Dimension::parameterName).toList();
    }
}
