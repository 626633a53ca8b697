// What the "About this figure" panel of a chart card and the report's last page show of a lineage: the object every
// answer carries and GET /api/v1/lineage returns (docs/interfaces.md, "Lineage"). Pure: no DOM, no fetch.
import { formatDate, formatInteger } from './format.js';
import { t } from './i18n.js';

/** A file's name (managers), else the start of its content hash: the public sees no file names. */
export function fileLabel(file) {
    return file.file ?? `sha256:${file.content_sha256.slice(0, 12)}…`;
}

/** A count, or a dash when the run's report is gone (retention removed its snapshot). */
function count(value) {
    return value === null || value === undefined ? '–' : formatInteger(value);
}

/** One row per input file: run, file, rows read, accepted, quarantined. */
export function fileRows(lineage) {
    return lineage.files.map((file) => [file.run, fileLabel(file), count(file.rows_read), count(file.accepted), count(file.quarantined)]);
}

/** The columns of {@link fileRows}. */
export function fileColumns() {
    return [{ label: t('lineage.run') }, { label: t('lineage.file') }, { label: t('lineage.read'), numeric: true },
        { label: t('lineage.accepted'), numeric: true }, { label: t('lineage.quarantined'), numeric: true }];
}

/** Whether the figures were protected, in words. */
export function protectionText(lineage) {
    return lineage.protection.applied ? t('lineage.protected', { k: lineage.protection.k }) : t('lineage.exact');
}

/** Term and description pairs: the indicator's definition (when the lineage has one), the snapshot, runs, reference files, protection. */
export function lineageFacts(lineage) {
    const facts = [];
    const indicator = lineage.indicator;
    if (indicator) {
        facts.push([t('lineage.definition'), indicator.definition]);
        facts.push([t('lineage.numerator'), indicator.numerator]);
        facts.push([t('lineage.denominator'), indicator.denominator ?? t('lineage.no_denominator')]);
        facts.push([t('lineage.date_rule'), t(`lineage.date_rules.${indicator.kind}`)]);
    }
    facts.push([t('lineage.snapshot'), lineage.snapshot.id]);
    facts.push([t('lineage.as_of'), formatDate(lineage.snapshot.as_of)]);
    facts.push([t('lineage.runs'), lineage.runs.map((run) => (run.as_of ? `${run.run} (${formatDate(run.as_of)})` : run.run)).join(', ')]);
    facts.push([t('lineage.reference_files'), lineage.reference_files.length === 0
        ? t('lineage.unknown')
        : lineage.reference_files.map((file) => `${file.name} sha256:${file.sha256.slice(0, 12)}…`).join(', ')]);
    facts.push([t('lineage.protection'), protectionText(lineage)]);
    return facts;
}
