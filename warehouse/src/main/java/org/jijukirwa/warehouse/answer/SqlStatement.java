package org.jijukirwa.warehouse.answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** SQL text with its positional parameters, built in order so that each {@code ?} meets its value. */
public final class SqlStatement
{
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    SqlStatement append(String text)
    {
        sql.append(requireNonNull(text, "text is null"));
        return this;
    }

    /** Appends one {@code ?} bound to the value (null allowed), followed by the cast given, e.g. {@code ::date}. */
    SqlStatement parameter(Object value, String cast)
    {
        sql.append('?').append(cast);
        parameters.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)} bound to the values. */
    SqlStatement parameterList(List<String> values)
    {
        sql.append('(');
        for (int index = 0; index < values.size(); index++) {
            if (index > 0) {
                sql.append(", ");
            }
            sql.append('?');
            parameters.add(values.get(index));
        }
        sql.append(')');
        return this;
    }

    public String sql()
    {
        return sql.toString();
    }

    public List<Object> parameters()
    {
        return Collections.unmodifiableList(parameters);
    }
}
