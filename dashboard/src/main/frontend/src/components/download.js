// Files made in the browser: the chart as PNG with its title above and its date, snapshot and source below, and the
// chart's rows as CSV when the export endpoint is missing. Both say what they hold and where it comes from.
import { t } from '../i18n.js';
import { formatDate } from '../format.js';
import { wrapText } from '../text-wrap.js';

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

/** Where figures come from: the dates of the answer, its snapshot, and the view's URL (which reproduces it). */
export function provenanceOf(answer, url) {
    return { as_of: answer?.as_of ?? null, from: answer?.from ?? null, to: answer?.to ?? null, snapshot: answer?.snapshot ?? null, source: url };
}

/** 'as-of-2020-06-30_<snapshot>' or '2019-01-01-to-2020-06-30_<snapshot>', as the export endpoint names its files. */
export function fileSuffix(provenance) {
    const dates = provenance.as_of ? `as-of-${provenance.as_of}` : provenance.from && provenance.to ? `${provenance.from}-to-${provenance.to}` : null;
    return [dates, provenance.snapshot].filter(Boolean).join('_');
}

/** The line under a downloaded chart: 'Data as of 30 June 2020 · Ingest run <snapshot> · Source: <dashboard>, <url>'. */
export function footerLine(provenance) {
    const dates = provenance.as_of ? `${t('shell.as_of')} ${formatDate(provenance.as_of)}`
        : provenance.from && provenance.to ? t('download.range', { from: formatDate(provenance.from), to: formatDate(provenance.to) }) : null;
    const snapshot = provenance.snapshot ? `${t('shell.run')} ${provenance.snapshot}` : null;
    const source = t('download.source', { title: t('shell.title'), url: provenance.source });
    return [dates, snapshot, source].filter(Boolean).join(' · ');
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

/**
 * API rows -> CSV text: one header row (the rows' keys, then suppression), one line per row, and, given a provenance,
 * the columns as_of (or from and to), snapshot and source on every row. A spreadsheet opens it as one plain table
 * (no comment lines to skip), and every row keeps where it comes from when it is copied or filtered.
 */
export function rowsToCsv(rows, provenance = null) {
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
    const extra = provenance ? { ...(provenance.as_of || !provenance.from ? { as_of: provenance.as_of } : { from: provenance.from, to: provenance.to }),
        snapshot: provenance.snapshot, source: provenance.source } : {};
    const extraColumns = Object.keys(extra).filter((column) => !columns.includes(column));
    const lines = [[...columns, ...extraColumns].join(',')];
    for (const row of rows) {
        lines.push([...columns.map((column) => csvCell(row[column])), ...extraColumns.map((column) => csvCell(extra[column]))].join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
}

const CAPTION_FONT = '"Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif';

/**
 * The chart's image (a data URL drawn at pixelRatio) with a band above (title, subtitle) and one below (the footer
 * line, wrapped), on white; resolves to a PNG Blob.
 */
export async function captionedPng(chartImageUrl, { title, subtitle, footer, pixelRatio }) {
    const image = await new Promise((resolve, reject) => {
        const loaded = new Image();
        loaded.onload = () => resolve(loaded);
        loaded.onerror = () => reject(new Error('the chart image could not be read'));
        loaded.src = chartImageUrl;
    });
    const scale = pixelRatio;
    const margin = 16 * scale;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    const font = (size, weight = 400) => `${weight} ${size * scale}px ${CAPTION_FONT}`;
    const measureWith = (fontText) => (text) => {
        context.font = fontText;
        return context.measureText(text).width;
    };
    const textWidth = image.width - 2 * margin;
    const titleLines = wrapText(title, textWidth, measureWith(font(18, 700)));
    const subtitleLines = subtitle ? wrapText(subtitle, textWidth, measureWith(font(13))) : [];
    const footerLines = wrapText(footer, textWidth, measureWith(font(12)));
    const header = margin + titleLines.length * 24 * scale + subtitleLines.length * 18 * scale + 8 * scale;
    const below = 10 * scale + footerLines.length * 17 * scale + margin;
    canvas.width = image.width;
    canvas.height = header + image.height + below;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.textBaseline = 'top';
    let y = margin;
    context.fillStyle = '#1d2731';
    context.font = font(18, 700);
    for (const line of titleLines) {
        context.fillText(line, margin, y);
        y += 24 * scale;
    }
    context.fillStyle = '#55616d';
    context.font = font(13);
    for (const line of subtitleLines) {
        context.fillText(line, margin, y);
        y += 18 * scale;
    }
    context.drawImage(image, 0, header);
    y = header + image.height + 10 * scale;
    context.font = font(12);
    for (const line of footerLines) {
        context.fillText(line, margin, y);
        y += 17 * scale;
    }
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
