// Number and text formatting shared by the charts and the pages.

const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
const precisePercentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integerFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatPercent(value) {
    return value === null || value === undefined ? '–' : percentFormat.format(value);
}

export function formatPrecisePercent(value) {
    return value === null || value === undefined ? '–' : precisePercentFormat.format(value);
}

export function formatInteger(value) {
    return value === null || value === undefined ? '–' : integerFormat.format(value);
}

/** '2020-06-30' -> '30 June 2020' (the API's dates are calendar dates, so no time zone shift). */
export function formatDate(isoDate) {
    return isoDate ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : '–';
}

export function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
