// Files made in the browser: the chart as PNG, and the chart's rows as CSV when the export endpoint is missing.

export function saveBlob(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A cell that a spreadsheet would read as a formula gets a leading apostrophe (as the export endpoint does). */
function csvCell(value) {
    if (value === null || value === undefined) {
        return '';
    }
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') {
        text = `'${text}`;
    }
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** API rows -> CSV text with a header row: the keys of the first row, then suppression for suppressed cells. */
export function rowsToCsv(rows) {
    const columns = [];
    for (const row of rows) {
        for (const key of Object.keys(row)) {
            if (!columns.includes(key)) {
                columns.push(key);
            }
        }
    }
    if (!columns.includes('suppression')) {
        columns.push('suppression');
    }
    const lines = [columns.join(',')];
    for (const row of rows) {
        lines.push(columns.map((column) => csvCell(row[column])).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
}
