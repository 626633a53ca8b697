package org.jijukirwa.warehouse.answer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.IndicatorQuery;

import static java.util.Objects.requireNonNull;

/**
 * Answers already computed on one snapshot. A snapshot never changes, so an answer stays right for as long
 * as its snapshot is served; the warehouse keeps one beside each snapshot it serves. Bounded by the number
 * of answer rows it holds, least recently used first out, so a few huge answers cannot take the heap.
 */
public final class AnswerCache
{
    public static final int DEFAULT_MAX_ROWS = 200_000;

    private final int maxRows;
    private final LinkedHashMap<Key, IndicatorAnswer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private int rows;

    public AnswerCache(int maxRows)
    {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    public synchronized Optional<IndicatorAnswer> find(IndicatorQuery query, Audience audience)
    {
        return Optional.ofNullable(answers.get(new Key(query, audience)));
    }

    /** Keeps an answer unless it alone is larger than the whole cache. */
    public synchronized void keep(IndicatorQuery query, Audience audience, IndicatorAnswer answer)
    {
        int size = Math.max(1, answer.rows().size());
        if (size > maxRows) {
            return;
        }
        IndicatorAnswer previous = answers.put(new Key(query, audience), answer);
        rows += size - (previous == null ? 0 : Math.max(1, previous.rows().size()));
        Iterator<Map.Entry<Key, IndicatorAnswer>> eldest = answers.entrySet().iterator();
        while (rows > maxRows && eldest.hasNext()) {
            rows -= Math.max(1, eldest.next().getValue().rows().size());
            eldest.remove();
        }
    }

    public synchronized int size()
    {
        return answers.size();
    }

    /** The query as the caller wrote it: equal queries on one snapshot resolve to the same answer. */
    private record Key(IndicatorQuery query, Audience audience)
    {
        Key
        {
            requireNonNull(query, "query is null");
            requireNonNull(audience, "audience is null");
        }
    }
}
