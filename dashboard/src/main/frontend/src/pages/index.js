// The first page: the formalisation rate by district, with the snapshot's as-of date.
import { fetchIndicator } from '../api.js';
import { echarts } from '../charts/echarts.js';
import { rateBarOption } from '../charts/rate-bar.js';
import { formatDate, formatInteger, formatPrecisePercent } from '../format.js';

const INDICATOR = 'formalisation_rate';

function showStatus(element, state, message) {
    element.dataset.state = state;
    element.textContent = message;
    element.hidden = message === '';
}

function fillTable(body, rows) {
    body.replaceChildren(...rows.map((row) => {
        const line = document.createElement('tr');
        const cells = [row.district, formatInteger(row.numerator), formatInteger(row.denominator), formatPrecisePercent(row.value)];
        cells.forEach((text, index) => {
            const cell = document.createElement(index === 0 ? 'th' : 'td');
            if (index === 0) {
                cell.scope = 'row';
            }
            else {
                cell.className = 'number';
            }
            cell.textContent = text;
            line.append(cell);
        });
        return line;
    }));
}

/** Writes what the chart really drew onto the container, for people's tools and the browser test. */
function recordDrawnData(chart, container) {
    const data = chart.getModel().getSeriesByIndex(0).getData();
    const drawn = [];
    for (let index = 0; index < data.count(); index++) {
        drawn.push({ district: data.getName(index), value: data.get('value', index) });
    }
    container.dataset.drawn = JSON.stringify(drawn);
    container.dataset.state = 'drawn';
}

async function showDistricts() {
    const container = document.getElementById('district-chart');
    const status = document.getElementById('district-chart-status');
    const chart = echarts.init(container, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
    try {
        const [byDistrict, total] = await Promise.all([
            fetchIndicator(INDICATOR, { by: 'district' }),
            fetchIndicator(INDICATOR),
        ]);
        document.getElementById('as-of').textContent = formatDate(byDistrict.as_of);
        document.getElementById('snapshot').dataset.state = 'ready';
        document.getElementById('snapshot-id').textContent = byDistrict.snapshot;

        const programme = total.rows[0];
        document.getElementById('total-rate').textContent = formatPrecisePercent(programme?.value ?? null);
        document.getElementById('total-detail').textContent = programme
            ? `${formatInteger(programme.numerator)} of ${formatInteger(programme.denominator)} cooperatives registered`
            : 'No cooperative formed yet';

        if (byDistrict.rows.length === 0) {
            showStatus(status, 'empty', 'No cooperative has been formed yet.');
            container.dataset.state = 'empty';
            return;
        }
        chart.on('finished', () => recordDrawnData(chart, container));
        chart.setOption(rateBarOption(byDistrict.rows, {
            dimension: 'district',
            numeratorLabel: 'registered',
            denominatorLabel: 'cooperatives',
        }));
        fillTable(document.getElementById('district-table'), byDistrict.rows);
        document.getElementById('district-figures').hidden = false;
        showStatus(status, 'ready', '');
    }
    catch (error) {
        chart.dispose();
        container.dataset.state = 'error';
        document.getElementById('snapshot').dataset.state = 'error';
        document.getElementById('as-of').textContent = 'unavailable';
        document.getElementById('total-rate').textContent = '–';
        document.getElementById('total-detail').textContent = 'Not available';
        showStatus(status, 'error', `The figures could not be loaded: ${error.message}`);
    }
}

showDistricts();
