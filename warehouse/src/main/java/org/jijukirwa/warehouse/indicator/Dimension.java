package org.jijukirwa.warehouse.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed allow-list of dimensions; each is both a by-dimension and a filter parameter. */
public enum Dimension
{
    PROVINCE("province", "Province (English name)"),
    DISTRICT("district", "District (English name)"),
    VALUE_CHAIN("value_chain", "Value chain code of the cooperative"),
    SEX("sex", "Sex of the member: F, M or U (unknown)"),
    AGE_BAND("age_band", "Age band at the date (year of the date minus birth year): 16-30, 31-45, 46-60, 61+ or unknown"),
    TOPIC("topic", "Training topic code");

    private final String parameterName;
    private final String description;

    Dimension(String parameterName, String description)
    {
        this.parameterName = parameterName;
        this.description = description;
    }

    /** What the dimension's values are, for the descriptions of exported files. */
    public String description()
    {
        return description;
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
