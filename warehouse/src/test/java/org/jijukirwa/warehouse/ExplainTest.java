package org.jijukirwa.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.ExplainedQuery;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.parameters;

/** The SQL {@link Warehouse#explain} gives, run bare on {@link Warehouse#connectToSnapshot}, has the answer's numbers. */
class ExplainTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @Test
    void theExplainedSqlGivesTheAnswersNumerators()
            throws SQLException
    {
        for (String[] request : new String[][] {
                {"members_active", "as_of=2020-06-29&by=district"},
                {"persons_reached", "by=province"},
                {"formalisation_rate", "by=district,value_chain"},
                {"training_sessions", "from=2019-01-01&to=2020-06-30&grain=quarter"}}) {
            List<Long> answered = new ArrayList<>();
            for (AnswerRow row : ask(programme.warehouse(), request[0], request[1]).rows()) {
                answered.add(row.numerator().longValue());
            }
            assertThat(bareNumerators(IndicatorQuery.parse(request[0], parameters(request[1])))).as(request[0]).isEqualTo(answered);
        }
        // Gasabo 5, Huye 1, Nyanza 1 (MemberIndicatorsTest): not an empty comparison
        assertThat(bareNumerators(IndicatorQuery.parse("members_active", parameters("as_of=2020-06-29&by=district")))).containsExactly(5L, 1L, 1L);
    }

    @Test
    void aBadQueryIsRefusedAsByAnswer()
    {
        assertThatThrownBy(() -> programme.warehouse().explain(IndicatorQuery.parse("members_active", parameters("by=topic"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    private static List<Long> bareNumerators(IndicatorQuery query)
            throws SQLException
    {
        ExplainedQuery explained = programme.warehouse().explain(query);
        List<Long> numerators = new ArrayList<>();
        try (Connection connection = programme.warehouse().connectToSnapshot();
                PreparedStatement statement = connection.prepareStatement(explained.sql())) {
            for (int index = 0; index < explained.parameters().size(); index++) {
                statement.setObject(index + 1, explained.parameters().get(index));
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    numerators.add(resultSet.getLong("numerator"));
                }
            }
        }
        return numerators;
    }
}
