// #/runs (managers): upload field files, run the ingest, and follow the runs: state, progress while running, the run
// report when published (read = accepted + quarantined per file), the failure message when failed.
import { fetchRunQueue, fetchRunReports, runNow, upload } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatInteger } from '../format.js';
import { requireRole } from './access.js';

const POLL_MS = 1500;
const DATASETS = ['cooperatives', 'members', 'trainings', 'coaching'];

/** The upload form: files, an optional mapping, the dataset (or the names say it). Shared with the quarantine page. */
export function uploadForm({ id, dataset = '', onUploaded }) {
    const files = h('input', { type: 'file', id: `${id}-files`, name: 'file', multiple: true, accept: '.csv,.jsonl,.ndjson,.xlsx,.zip' });
    const mapping = h('input', { type: 'file', id: `${id}-mapping`, name: 'mapping', accept: '.json' });
    const choice = h('select', { id: `${id}-dataset`, name: 'dataset' },
        h('option', { value: '' }, t('programme.dataset_from_name')),
        DATASETS.map((name) => h('option', { value: name }, name)));
    choice.value = dataset;
    const status = h('p', { id: `${id}-status`, class: 'upload-status', role: 'status' });
    const form = h('form', { class: 'upload-form card', id, onsubmit: async (event) => {
        event.preventDefault();
        const body = new FormData();
        for (const file of files.files) {
            body.append('file', file, file.name);
        }
        if (mapping.files.length > 0) {
            body.append('mapping', mapping.files[0], mapping.files[0].name);
        }
        if (choice.value) {
            body.append('dataset', choice.value);
        }
        status.dataset.state = 'sending';
        status.textContent = t('programme.uploading');
        try {
            const answer = await upload(body);
            status.dataset.state = 'sent';
            status.textContent = answer.message;
            form.reset();
            choice.value = dataset;
            onUploaded?.(answer);
        }
        catch (error) {
            status.dataset.state = 'error';
            status.textContent = error.message;
        }
    } },
    h('h2', {}, t('programme.upload_title')),
    h('p', { class: 'hint' }, t('programme.upload_hint')),
    h('div', { class: 'upload-fields' },
        h('label', { for: files.id }, t('programme.files')), files,
        h('label', { for: choice.id }, t('programme.dataset')), choice,
        h('label', { for: mapping.id }, t('programme.mapping')), mapping),
    h('button', { type: 'submit', id: `${id}-submit` }, t('programme.upload')),
    status);
    return form;
}

/** 'read 17 = accepted 16 + quarantined 1' and whether it holds. */
export function reconciliation(file) {
    const quarantined = file.quarantined ?? file.quarantined_rows ?? 0;
    const holds = file.rows_read === file.valid_rows + quarantined;
    return { holds, text: t('programme.reconciliation', { read: formatInteger(file.rows_read), accepted: formatInteger(file.valid_rows), quarantined: formatInteger(quarantined) }) };
}

/** The file-level reason codes of docs/data-contract.md ("Rejected files"; ingest FileRejection.Reason). */
export const REJECTED_FILE_CODES = ['unreadable', 'not_text', 'not_utf8', 'bad_utf16', 'line_too_long', 'too_wide', 'duplicate_column', 'corrupt_export'];

/** One rejected file of a run report in words: its file, why (the code in words) and what to do; the report's own line as detail. */
export function rejectedFile(rejection) {
    const code = REJECTED_FILE_CODES.includes(rejection.reason) ? rejection.reason : 'unknown';
    return {
        file: rejection.file,
        code: rejection.reason,
        reason: t(`programme.rejected_${code}`),
        todo: t(`programme.rejected_${code}_todo`),
        detail: rejection.message ?? '',
    };
}

function rejectedTable(run, report) {
    const rejected = report.rejected_files ?? [];
    if (rejected.length === 0) {
        return null;
    }
    return h('table', { class: 'run-rejected', id: `rejected-${run.id}` },
        h('caption', {}, t('programme.rejected_title')),
        h('thead', {}, h('tr', {}, ['file', 'reason', 'todo'].map((key) => h('th', {}, t(`programme.column_${key}`))))),
        h('tbody', {}, rejected.map(rejectedFile).map((entry) => h('tr', { dataset: { file: entry.file, reason: entry.code } },
            h('td', {}, h('code', {}, entry.file)),
            h('td', { title: entry.detail }, entry.reason, ' (', h('code', {}, entry.code), ')'),
            h('td', {}, entry.todo)))));
}

function reasonsText(byReason) {
    return Object.entries(byReason ?? {}).map(([reason, count]) => `${reason}: ${formatInteger(count)}`).join(', ');
}

function reportTable(run, report) {
    const rows = [];
    for (const [dataset, entry] of Object.entries(report.datasets ?? {})) {
        for (const [file, counts] of Object.entries(entry.files ?? {})) {
            const check = reconciliation(counts);
            rows.push(h('tr', { dataset: { file } },
                h('td', {}, dataset), h('td', {}, h('code', {}, file)),
                h('td', { class: 'number' }, formatInteger(counts.rows_read)),
                h('td', { class: 'number' }, formatInteger(counts.valid_rows)),
                h('td', { class: 'number' }, formatInteger(counts.quarantined)),
                h('td', {}, reasonsText(counts.by_reason)),
                h('td', { class: check.holds ? 'reconciled' : 'not-reconciled' }, counts.skipped_already_ingested ? t('programme.skipped') : check.text)));
        }
        if ((entry.released_from_quarantine ?? 0) > 0) {
            rows.push(h('tr', {}, h('td', {}, dataset), h('td', { colspan: 6 }, t('programme.released', { count: formatInteger(entry.released_from_quarantine) }))));
        }
    }
    return h('table', { class: 'run-report', id: `report-${run.id}` },
        h('thead', {}, h('tr', {}, ['dataset', 'file', 'read', 'accepted', 'quarantined', 'reasons', 'check'].map((key) => h('th', {}, t(`programme.column_${key}`))))),
        h('tbody', {}, rows));
}

function runCard(run, reports) {
    const report = run.snapshot ? reports.get(run.snapshot) : null;
    return h('li', { class: 'card run', id: `run-${run.id}`, dataset: { state: run.state } },
        h('p', { class: 'run-head' }, h('strong', { class: 'run-state' }, t(`programme.state_${run.state}`)), ' · ', h('code', {}, run.id), ' · ', run.cause),
        run.state === 'running' && run.progress ? h('p', { class: 'run-progress' }, t('programme.progress', { stage: run.stage, rows: run.rows === null ? '–' : formatInteger(run.rows) }), ' — ', run.progress) : null,
        run.message ? h('p', { class: 'run-message', role: run.state === 'failed' ? 'alert' : null }, run.message) : null,
        run.snapshot ? h('p', {}, h('a', { href: '#/overview', class: 'run-figures' }, t('programme.see_figures')), ' · ', t('programme.snapshot'), ' ', h('code', {}, run.snapshot)) : null,
        report ? reportTable(run, report) : null,
        report ? rejectedTable(run, report) : null,
        report && report.warnings?.length ? h('ul', { class: 'warnings' }, report.warnings.map((warning) => h('li', {}, warning))) : null);
}

export function renderRuns({ root, state }) {
    if (!requireRole(root, state, 'manager', t('nav.runs'))) {
        return;
    }
    const list = h('ol', { class: 'runs', id: 'run-queue', dataset: { state: 'loading' } });
    const status = h('p', { id: 'run-now-status', role: 'status' });
    root.append(h('section', { class: 'page programme' },
        h('h1', { id: 'page-title', tabindex: '-1' }, t('nav.runs')),
        uploadForm({ id: 'upload', onUploaded: () => refresh() }),
        h('p', {}, h('button', { type: 'button', id: 'run-now', onclick: async () => {
            try {
                const run = await runNow();
                status.textContent = t('programme.queued', { id: run.id });
                refresh();
            }
            catch (error) {
                status.textContent = error.message;
            }
        } }, t('programme.run_now')), ' ', status),
        list));
    let timer = null;
    async function refresh() {
        clearTimeout(timer);
        if (!document.body.contains(list)) {
            return;  // the page was left
        }
        try {
            const [queue, reports] = await Promise.all([fetchRunQueue(), fetchRunReports()]);
            const bySnapshot = new Map(reports.map((entry) => [entry.snapshot, entry.report]));
            list.replaceChildren(...(queue.length === 0 ? [h('li', { class: 'empty' }, t('programme.no_runs'))] : queue.map((run) => runCard(run, bySnapshot))));
            list.dataset.state = 'ready';
            if (queue.some((run) => run.state === 'queued' || run.state === 'running')) {
                timer = setTimeout(refresh, POLL_MS);
            }
        }
        catch (error) {
            list.replaceChildren(h('li', { class: 'failure', role: 'alert' }, error.message));
            list.dataset.state = 'error';
        }
    }
    refresh();
}
