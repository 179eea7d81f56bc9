'use strict';
(() => {
  const FACTORS = ['SPEED', 'CAPABILITY', 'STABILITY', 'QUALITY', 'CONTROL'];
  const {api, el, colourChip} = Ledger;
  const RANK = {GREEN: 0, AMBER: 1, RED: 2};
  const worse = (a, b) => (RANK[b] || 0) > (RANK[a] || 0) ? b : a;

  async function load() {
    const q = document.getElementById('filter').value.trim();
    const sort = document.getElementById('sort').value;
    const params = new URLSearchParams({sort, size: '100'});
    if (q) params.set('q', q);
    const page = await api('/scorecards?' + params);
    const body = document.querySelector('#portfolio-table tbody');
    body.replaceChildren();
    for (const item of page.items) {
      const row = el('tr');
      const nameCell = el('td');
      const link = el('a', 'strong', item.name || item.engagementId);
      link.href = '/engagement.html?id=' + encodeURIComponent(item.engagementId);
      nameCell.append(link);
      row.append(nameCell,
        el('td', 'muted', [item.clientName, item.partnerName].filter(Boolean).join(' / ')),
        el('td', 'muted', item.startDate || ''),
        el('td', null, item.status || ''));
      for (const factor of FACTORS) {
        const cell = el('td');
        cell.append(colourChip(item.factors[factor]));
        row.append(cell);
      }
      body.append(row);
    }
    document.getElementById('empty').hidden = page.items.length > 0;
    const summary = document.getElementById('summary');
    summary.replaceChildren();
    for (const colour of ['RED', 'AMBER', 'GREEN']) {
      const count = page.items.filter(i => FACTORS.map(f => i.factors[f]).reduce(worse, 'GREEN') === colour).length;
      const box = el('div', 'card stat stat-' + colour.toLowerCase());
      box.append(el('div', 'kpi-value', count), el('div', 'kpi-label', colour === 'GREEN' ? 'all factors green'
        : colour === 'AMBER' ? 'worst factor amber' : 'at least one factor red'));
      summary.append(box);
    }
    document.getElementById('as-of').textContent = page.totalItems + ' engagement' +
      (page.totalItems === 1 ? '' : 's') + ' visible';
    document.getElementById('portfolio').hidden = false;
  }

  Ledger.start(async () => {
    let timer;
    document.getElementById('filter').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => load().catch(e => Ledger.showError(e.message)), 250);
    });
    document.getElementById('sort').addEventListener('change', () => load().catch(e => Ledger.showError(e.message)));
    await load();
  });
})();
