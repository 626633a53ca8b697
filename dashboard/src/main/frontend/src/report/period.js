// The report's period: a calendar quarter ('2020-Q4') or year ('2020'), its dates, the period before it, and the
// dates each query takes once clipped to the snapshot's as-of date (a stock at the period's end, a flow over it).

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const pad = (number) => String(number).padStart(2, '0');
const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** { id, kind: 'quarter'|'year', from, to } or null when the text is neither a quarter nor a year. */
export function parsePeriod(text) {
    const quarter = QUARTER.exec(text ?? '');
    if (quarter) {
        const year = Number(quarter[1]);
        const first = (Number(quarter[2]) - 1) * 3 + 1;
        return { id: text, kind: 'quarter', year, quarter: Number(quarter[2]),
            from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}` };
    }
    const year = YEAR.exec(text ?? '');
    if (year) {
        return { id: text, kind: 'year', year: Number(year[1]), from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
    }
    return null;
}

/** The period just before: '2020-Q1' -> '2019-Q4', '2020' -> '2019'. */
export function previousPeriod(period) {
    if (period.kind === 'year') {
        return parsePeriod(String(period.year - 1));
    }
    return period.quarter === 1 ? parsePeriod(`${period.year - 1}-Q4`) : parsePeriod(`${period.year}-Q${period.quarter - 1}`);
}

/** The quarter that holds a date ('2020-06-30' -> '2020-Q2'). */
export function quarterOf(isoDate) {
    const [year, month] = isoDate.split('-').map(Number);
    return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The period's query dates, its end clipped to the snapshot's as-of date: { as_of } for stocks, { from, to } for flows. */
export function periodDates(period, snapshotAsOf) {
    const end = snapshotAsOf && snapshotAsOf < period.to ? snapshotAsOf : period.to;
    return { stock: { as_of: end }, flow: { from: period.from, to: end }, end };
}

/**
 * The periods a reader may choose, newest first: every quarter and year from `first` (a quarter id) to the quarter of
 * the as-of date.
 */
export function choosablePeriods(firstQuarter, snapshotAsOf) {
    const last = parsePeriod(quarterOf(snapshotAsOf));
    let current = parsePeriod(firstQuarter) ?? last;
    const quarters = [];
    while (current && current.from <= last.from) {
        quarters.push(current.id);
        current = current.quarter === 4 ? parsePeriod(`${current.year + 1}-Q1`) : parsePeriod(`${current.year}-Q${current.quarter + 1}`);
    }
    const years = [...new Set(quarters.map((id) => id.slice(0, 4)))];
    return { quarters: quarters.reverse(), years: years.reverse() };
}
