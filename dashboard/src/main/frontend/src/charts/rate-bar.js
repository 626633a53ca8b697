// A horizontal bar chart of a rate per category (e.g. formalisation rate by district).
// Pure: API rows go into the dataset unchanged; encode picks the columns.
import { escapeHtml, formatInteger, formatPercent, formatPrecisePercent } from '../format.js';

const BAR_COLOUR = '#1b6f8a';

/**
 * rows: the answer's rows ({<dimension>, numerator, denominator, value, suppressed}).
 * dimension: the by-column to use as category, e.g. 'district'.
 * numeratorLabel / denominatorLabel: words for the tooltip, e.g. 'registered', 'cooperatives'.
 */
export function rateBarOption(rows, { dimension, numeratorLabel, denominatorLabel }) {
    return {
        animation: false,
        dataset: [
            { dimensions: [dimension, 'numerator', 'denominator', 'value', 'suppressed'], source: rows },
            // the horizontal category axis runs bottom-up: highest rate on top, ties in alphabetical order
            {
                transform: {
                    type: 'sort',
                    config: [
                        { dimension: 'value', order: 'asc', incomparable: 'min' },
                        { dimension, order: 'desc' },
                    ],
                },
            },
        ],
        grid: { left: 8, right: 56, top: 8, bottom: 28, containLabel: true },
        xAxis: {
            type: 'value',
            min: 0,
            max: 1,
            axisLabel: { formatter: (value) => formatPercent(value), color: '#4a5560' },
            splitLine: { lineStyle: { color: '#e3e7eb' } },
        },
        yAxis: {
            type: 'category',
            axisTick: { show: false },
            axisLine: { lineStyle: { color: '#b8c0c8' } },
            axisLabel: { color: '#24303b', fontSize: 12 },
        },
        tooltip: {
            trigger: 'item',
            className: 'chart-tooltip',
            // class names only: the strict Content-Security-Policy refuses inline style attributes
            formatter: (point) => {
                const row = point.data;
                const figures = row.suppressed
                    ? 'hidden to protect privacy'
                    : `${formatInteger(row.numerator)} of ${formatInteger(row.denominator)} ${denominatorLabel} ${numeratorLabel}`;
                return `<div class="chart-tooltip-title">${escapeHtml(row[dimension])}</div>`
                    + `<div class="chart-tooltip-value">${formatPrecisePercent(row.value)}</div>`
                    + `<div class="chart-tooltip-detail">${escapeHtml(figures)}</div>`;
            },
        },
        series: [{
            type: 'bar',
            datasetIndex: 1,
            encode: { x: 'value', y: dimension, tooltip: ['value'] },
            barMaxWidth: 18,
            itemStyle: { color: BAR_COLOUR, borderRadius: [0, 3, 3, 0] },
            label: {
                show: true,
                position: 'right',
                color: '#24303b',
                fontSize: 11,
                formatter: (point) => formatPercent(point.data.value),
            },
        }],
    };
}
