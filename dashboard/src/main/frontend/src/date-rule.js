// The one rule for the dates of a view and of each query in it (shared/spec/interfaces.md): a stock is counted at
// the end of one date (as_of), a flow over a date range (from, to), and a time series of either over a range.
// A page shows the date controls of its view; every query on the page takes its dates from those controls only,
// so that a date left in the URL by another indicator never changes figures the page does not show a control for.

/** The view's date controls for an indicator kind ('stock' | 'flow'): 'as_of' for a stock at one date, else 'range'. */
export function dateView(kind, series = false) {
    return kind === 'stock' && !series ? 'as_of' : 'range';
}

/**
 * The API date parameters of one query: an indicator of `kind`, as a time series or not, on a page whose controls
 * are `view` ('as_of' or 'range'), from the URL's parameters. Unset values are left to the API's defaults.
 * - At one date D: a stock at D ({ as_of: D }); a flow, or a series of either, up to D ({ to: D }).
 * - Over a range: from..to; a stock's series ends at the as-of date when no end is chosen.
 */
export function queryDates(params, { kind, series = false, view = dateView(kind, series) }) {
    if (view === 'as_of') {
        return kind === 'stock' && !series ? { as_of: params.as_of } : { to: params.as_of };
    }
    return { from: params.from, to: params.to ?? (kind === 'stock' ? params.as_of : undefined) };
}
