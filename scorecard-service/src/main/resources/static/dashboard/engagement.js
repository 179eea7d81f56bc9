'use strict';
(() => {
  const {api, el, colourChip} = Ledger;
  const FACTORS = ['SPEED', 'CAPABILITY', 'STABILITY', 'QUALITY', 'CONTROL'];
  const COLORS = {blue: '#2563eb', teal: '#0d9488', amber: '#d97706', red: '#dc2626', violet: '#7c3aed',
    slate: '#64748b', sev1: '#b91c1c', sev2: '#ea580c', sev3: '#ca8a04', sev4: '#65a30d'};

  function fmt(value, digits, suffix) {
    if (value === null || value === undefined) return '—';
    return Number(value).toFixed(digits) + (suffix || '');
  }

  function pct(value) {
    return value === null || value === undefined ? '—' : Math.round(value * 100) + ' %';
  }

  function kpi(label, value, note) {
    const box = el('div', 'card kpi');
    box.append(el('div', 'kpi-label', label), el('div', 'kpi-value', value), el('div', 'kpi-note', note || ''));
    return box;
  }

  function chart(id, type, labels, datasets, options) {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#475569';
    return new Chart(document.getElementById(id), {
      type, data: {labels, datasets},
      options: Object.assign({responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}},
        scales: {y: {beginAtZero: true, grid: {color: '#eef2f7'}}, x: {grid: {display: false}}}}, options || {})
    });
  }

  function line(label, data, color, extra) {
    return Object.assign({label, data, borderColor: color, backgroundColor: color, tension: 0.25, cubicInterpolationMode: 'monotone', spanGaps: true,
      pointRadius: 3, borderWidth: 2}, extra || {});
  }

  Ledger.start(async () => {
    const id = new URLSearchParams(location.search).get('id');
    if (!id) throw new Error('no engagement id in the address');
    const [card, weeks] = await Promise.all([
      api('/scorecards/' + encodeURIComponent(id)),
      api('/scorecards/' + encodeURIComponent(id) + '/weekly')]);
    document.title = card.name + ' · Scorecard';
    document.getElementById('name').textContent = card.name;
    document.getElementById('subtitle').textContent = [card.clientName, card.partnerName].filter(Boolean).join(' × ') +
      ' · started ' + (card.startDate || '—') + ' · ' + (card.status || '') + ' · as of ' + card.asOf +
      ' (' + card.currentWeek + ')';

    const factors = document.getElementById('factors');
    for (const factor of FACTORS) {
      const box = el('div', 'card factor factor-' + String(card.factors[factor]).toLowerCase());
      box.append(el('div', 'factor-name', factor.charAt(0) + factor.slice(1).toLowerCase()), colourChip(card.factors[factor]));
      factors.append(box);
    }

    const m = card.measures;
    const c = name => m[name].current;
    const r = name => m[name].rollingFourWeeks;
    document.getElementById('kpis').append(
      kpi('Time to first delivery', c('time-to-first-delivery').days === null ? 'not yet'
        : c('time-to-first-delivery').days + ' days', 'target: under 28 days'),
      kpi('Cycle time (median / p85)', fmt(c('cycle-time').medianDays, 1) + ' / ' + fmt(c('cycle-time').p85Days, 1) + ' d',
        'last 4 weeks: ' + fmt(r('cycle-time').medianDays, 1) + ' d'),
      kpi('Release predictability', pct(c('release-predictability').ratio),
        c('release-predictability').onTime + ' of ' + c('release-predictability').shipped + ' on time'),
      kpi('Defect leakage', pct(c('defect-leakage').ratio), 'last 4 weeks: ' + pct(r('defect-leakage').ratio)),
      kpi('Rework rate', pct(c('rework-rate').ratio), 'last 4 weeks: ' + pct(r('rework-rate').ratio)),
      kpi('Incidents', String(c('incident-trend').incidents), 'MTTA ' + fmt(c('incident-trend').mttaMinutes, 0, ' min') +
        ' · MTTR ' + fmt(c('incident-trend').mttrHours, 1, ' h')),
      kpi('Satisfaction', fmt(c('stakeholder-satisfaction').mean, 2) + ' / 5',
        'trend ' + (c('stakeholder-satisfaction').trend === null ? '—'
          : (c('stakeholder-satisfaction').trend >= 0 ? '+' : '') + fmt(c('stakeholder-satisfaction').trend, 2))),
      kpi('Retention (12 months)', pct(c('retention').ratio), c('retention').stillOn + ' of ' + c('retention').joined + ' still on'),
      kpi('Ownership coverage', pct(c('ownership-coverage').ratio), c('ownership-coverage').owned + ' of 12 areas owned'),
      kpi('Review cadence', pct(c('governance-cadence').onTimeRatio),
        fmt(c('governance-cadence').decisionsPerWeek, 2) + ' decisions / week'));

    const labels = weeks.map(w => w.week.slice(5));
    const wm = name => weeks.map(w => w.measures[name]);
    chart('chart-cycle', 'line', labels, [
      line('median', wm('cycle-time').map(v => v.medianDays), COLORS.blue),
      line('85th percentile', wm('cycle-time').map(v => v.p85Days), COLORS.violet, {borderDash: [5, 4]})]);
    chart('chart-quality', 'line', labels, [
      line('defect leakage %', wm('defect-leakage').map(v => v.ratio === null ? null : v.ratio * 100), COLORS.red),
      line('rework %', wm('rework-rate').map(v => v.ratio === null ? null : v.ratio * 100), COLORS.amber)]);
    chart('chart-incidents', 'bar', labels, ['sev1', 'sev2', 'sev3', 'sev4'].map(s => ({
      label: s.toUpperCase(), data: wm('incident-trend').map(v => v[s]), backgroundColor: COLORS[s], stack: 'i'})),
      {scales: {x: {stacked: true, grid: {display: false}}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}});
    chart('chart-response', 'bar', labels, [
      {label: 'MTTA (min)', data: wm('incident-trend').map(v => v.mttaMinutes), backgroundColor: COLORS.teal},
      {label: 'MTTR (h)', data: wm('incident-trend').map(v => v.mttrHours), backgroundColor: COLORS.slate}]);
    chart('chart-satisfaction', 'line', labels, [
      line('mean rating', wm('stakeholder-satisfaction').map(v => v.mean), COLORS.teal)],
      {scales: {y: {min: 0, max: 5, grid: {color: '#eef2f7'}}, x: {grid: {display: false}}}});
    chart('chart-control', 'line', labels, [
      line('ownership coverage %', wm('ownership-coverage').map(v => v.ratio === null ? null : v.ratio * 100), COLORS.blue),
      line('retention %', wm('retention').map(v => v.ratio === null ? null : v.ratio * 100), COLORS.violet)],
      {scales: {y: {min: 0, max: 100, grid: {color: '#eef2f7'}}, x: {grid: {display: false}}}});

    document.getElementById('csv').addEventListener('click', async event => {
      event.preventDefault();
      const csv = await api('/scorecards/' + encodeURIComponent(id) + '/weekly', 'text/csv');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], {type: 'text/csv'}));
      link.download = 'scorecard-weekly.csv';
      link.click();
    });
    document.getElementById('engagement').hidden = false;
    document.body.dataset.ready = 'true';
  });
})();
