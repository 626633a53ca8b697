// #/quarantine (admins): the rejected rows, counts by dataset, file and reason first, then a page of rows with their
// raw text, line and every reason in plain words; a download of a dataset's (or one file's) rows to correct, and the
// upload of the corrected file. Rows a later run accepted a version of are marked resolved.
import { fetchQuarantine, quarantineCsvUrl } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { reasonText } from '../reasons.js';
import { formatInteger } from '../format.js';
import { uploadForm } from './runs.js';
import { requireRole } from './access.js';

const PAGE_SIZE = 50;
const DATASETS = ['cooperatives', 'members', 'trainings', 'coaching'];

export function renderQuarantine({ root, state }) {
    if (!requireRole(root, state, 'admin', t('nav.quarantine'))) {
        return;
    }
    const filters = { dataset: '', file: '', reason: '', offset: 0 };
    // the dataset of each file the counts named: choosing a file chooses its dataset (the download needs one)
    const fileDatasets = new Map();
    const datasetChoice = h('select', { id: 'quarantine-dataset', onchange: () => { filters.dataset = datasetChoice.value; filters.file = ''; filters.reason = ''; filters.offset = 0; load(); } },
        h('option', { value: '' }, t('programme.all_datasets')), DATASETS.map((name) => h('option', { value: name }, name)));
    const fileChoice = h('select', { id: 'quarantine-file', onchange: () => { chooseFile(fileChoice.value); } });
    const reasonChoice = h('select', { id: 'quarantine-reason', onchange: () => { filters.reason = reasonChoice.value; filters.offset = 0; load(); } });
    const counts = h('div', { id: 'quarantine-counts' });
    const rows = h('div', { id: 'quarantine-rows', dataset: { state: 'loading' } });
    const download = h('p', { id: 'quarantine-download' });
    const fix = h('div', { id: 'quarantine-fix' });
    root.append(h('section', { class: 'page programme' },
        h('h1', { id: 'page-title', tabindex: '-1' }, t('nav.quarantine')),
        h('p', { class: 'hint' }, t('programme.quarantine_hint')),
        h('div', { class: 'filters' },
            h('label', { for: 'quarantine-dataset' }, t('programme.dataset')), datasetChoice,
            h('label', { for: 'quarantine-file' }, t('programme.column_file')), fileChoice,
            h('label', { for: 'quarantine-reason' }, t('programme.reason')), reasonChoice),
        counts, download, rows, fix));

    function chooseFile(file) {
        filters.file = file;
        if (file && fileDatasets.has(file)) {
            filters.dataset = fileDatasets.get(file);
            datasetChoice.value = filters.dataset;
        }
        filters.reason = '';
        filters.offset = 0;
        load();
    }

    async function load() {
        rows.dataset.state = 'loading';
        try {
            const page = await fetchQuarantine({ dataset: filters.dataset, file: filters.file, reason: filters.reason, limit: PAGE_SIZE, offset: filters.offset });
            drawCounts(page);
            drawRows(page);
            drawDownload();
            rows.dataset.state = 'ready';
        }
        catch (error) {
            rows.replaceChildren(h('p', { class: 'failure', role: 'alert' }, error.message));
            rows.dataset.state = 'error';
        }
    }

    function drawCounts(page) {
        page.counts.forEach((count) => fileDatasets.set(count.source_file, count.dataset));
        const files = [...new Set(page.counts.map((count) => count.source_file))];
        fileChoice.replaceChildren(h('option', { value: '' }, t('programme.all_files')), ...files.map((file) => h('option', { value: file }, file)));
        if (filters.file && !files.includes(filters.file)) {
            fileChoice.append(h('option', { value: filters.file }, filters.file));
        }
        fileChoice.value = filters.file;
        const reasons = [...new Set(page.counts.map((count) => count.reason))];
        reasonChoice.replaceChildren(h('option', { value: '' }, t('programme.all_reasons')), ...reasons.map((reason) => h('option', { value: reason }, reasonText(reason))));
        if (filters.reason && !reasons.includes(filters.reason)) {
            reasonChoice.append(h('option', { value: filters.reason }, reasonText(filters.reason)));
        }
        reasonChoice.value = filters.reason;
        counts.replaceChildren(h('table', { class: 'quarantine-counts' },
            h('caption', {}, t('programme.counts', { total: formatInteger(page.total) })),
            h('thead', {}, h('tr', {}, h('th', {}, t('programme.column_dataset')), h('th', {}, t('programme.column_file')), h('th', {}, t('programme.reason')),
                h('th', {}, t('programme.column_rows')))),
            h('tbody', {}, page.counts.map((count) => h('tr', { dataset: { dataset: count.dataset, file: count.source_file, reason: count.reason } },
                h('td', {}, count.dataset),
                h('td', {}, h('button', { type: 'button', class: 'link-button', title: t('programme.only_file'), onclick: () => chooseFile(count.source_file) },
                    h('code', {}, count.source_file))),
                h('td', {}, reasonText(count.reason), ' ', h('code', {}, count.reason)),
                h('td', { class: 'number' }, formatInteger(count.rows)))))));
    }

    function drawRows(page) {
        const last = Math.min(page.offset + page.rows.length, page.total);
        rows.replaceChildren(
            h('table', { class: 'quarantine-rows' },
                h('thead', {}, h('tr', {}, ['dataset', 'file', 'line', 'reasons', 'raw', 'status'].map((key) => h('th', {}, t(`programme.column_${key}`))))),
                h('tbody', {}, page.rows.map((row) => h('tr', { class: row.resolved ? 'resolved' : null, dataset: { line: row.source_line, resolved: String(row.resolved) } },
                    h('td', {}, row.dataset), h('td', {}, h('code', {}, row.source_file)), h('td', { class: 'number' }, String(row.source_line)),
                    h('td', {}, h('ul', {}, row.reasons.map((reason) => h('li', {}, reasonText(reason))))),
                    h('td', {}, h('code', { class: 'raw-text' }, row.raw_text)),
                    h('td', { class: 'row-status' }, row.resolved ? t('programme.resolved') : t('programme.open')))))),
            h('p', { class: 'pager' },
                h('button', { type: 'button', id: 'quarantine-previous', disabled: page.offset === 0, onclick: () => { filters.offset = Math.max(0, page.offset - PAGE_SIZE); load(); } }, t('programme.previous')),
                ' ', t('programme.showing', { first: formatInteger(page.total === 0 ? 0 : page.offset + 1), last: formatInteger(last), total: formatInteger(page.total) }), ' ',
                h('button', { type: 'button', id: 'quarantine-next', disabled: last >= page.total, onclick: () => { filters.offset = page.offset + PAGE_SIZE; load(); } }, t('programme.next'))));
    }

    function drawDownload() {
        if (!filters.dataset) {
            download.replaceChildren(t('programme.choose_dataset_to_download'));
            fix.replaceChildren();
            return;
        }
        download.replaceChildren(h('a', { id: 'quarantine-csv', href: quarantineCsvUrl({ dataset: filters.dataset, file: filters.file, reason: filters.reason }), download: '' },
            filters.file ? t('programme.download_file', { file: filters.file }) : t('programme.download', { dataset: filters.dataset })),
            ' ', t('programme.download_hint'));
        fix.replaceChildren(uploadForm({ id: 'fix-upload', dataset: filters.dataset }));
    }

    load();
}
