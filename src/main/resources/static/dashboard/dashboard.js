// CollectFlow managers' dashboard: reads the KPI snapshots (GET /api/kpis/trend, /api/kpis?asOf=…)
// and draws them with Chart.js. Same-origin requests carry the browser's HTTP Basic login.
(function () {
  'use strict';

  const charts = {};
  const $ = (id) => document.getElementById(id);
  const pct = (x) => (x === null || x === undefined) ? '–' : (Number(x) * 100).toFixed(1) + '%';
  const money = (x) => (x === null || x === undefined) ? '–'
    : Number(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const num = (x) => (x === null || x === undefined) ? '–' : String(x);

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function fillRows(tbodySelector, items, render) {
    const tbody = document.querySelector(tbodySelector);
    tbody.replaceChildren();
    items.forEach((item) => {
      const tr = document.createElement('tr');
      render(tr, item);
      tbody.appendChild(tr);
    });
  }

  function drawChart(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart($(id), config);
  }

  function showMessage(text) {
    $('message').hidden = !text;
    $('message').textContent = text || '';
  }

  function targetsByKpi(kpis) {
    const map = {};
    (kpis.targets || []).forEach((t) => { map[t.kpi] = t; });
    return map;
  }

  function renderTiles(kpis) {
    const ops = kpis.operations;
    $('kpi-active-loans').textContent = num(kpis.activeLoans);
    $('kpi-outstanding').textContent = money(kpis.outstandingPrincipal);
    $('kpi-cure-rate').textContent = pct(kpis.cure.cureRate);
    $('kpi-cost-per-case').textContent = money(ops.costPerCase);
    $('kpi-recovered').textContent = money(ops.recovered);
    $('kpi-rpc').textContent = pct(ops.rightPartyContactRate);
    $('kpi-first-contact').textContent = num(ops.avgDaysToFirstAction) + ' / ' + num(ops.avgDaysToFirstEffectiveContact);
    $('kpi-complaint-rate').textContent = num(ops.complaintRatePer1000Cases === null ? null
      : Number(ops.complaintRatePer1000Cases).toFixed(1));
    $('source').textContent = kpis.source === 'snapshot' ? 'from the daily snapshot' : 'computed live';
  }

  function renderOverdue(kpis) {
    const targets = targetsByKpi(kpis);
    fillRows('#overdue-table tbody', Object.entries(kpis.overdueRates), (tr, [key, rate]) => {
      const target = targets['overdueRate' + key];
      cell(tr, key);
      cell(tr, pct(rate.byCount)).id = 'overdue-' + key + '-count';
      cell(tr, pct(rate.byBalance)).id = 'overdue-' + key + '-balance';
      cell(tr, target ? '< ' + pct(target.target) : '');
      const status = cell(tr, target ? target.status : '', target ? target.status : '');
      status.id = 'overdue-' + key + '-status';
    });
  }

  function renderRecovery(kpis) {
    const targets = targetsByKpi(kpis);
    const bands = Object.keys(kpis.recoveryRates);
    fillRows('#recovery-table tbody', bands, (tr, band) => {
      const r = kpis.recoveryRates[band];
      const target = targets['recovery' + band];
      cell(tr, band);
      cell(tr, num(r.cases));
      cell(tr, money(r.overdueAtStart));
      cell(tr, money(r.recovered));
      cell(tr, pct(r.rate)).id = 'recovery-' + band;
      cell(tr, target ? '> ' + pct(target.target) : '');
      cell(tr, target ? target.status : '', target ? target.status : '');
    });
    fillRows('#grade-table tbody', Object.entries(kpis.recoveryByRiskGrade || {}), (tr, [grade, rates]) => {
      cell(tr, grade);
      cell(tr, num(rates.WITHIN_90 ? rates.WITHIN_90.cases : null));
      bands.forEach((band) => { cell(tr, pct(rates[band] ? rates[band].rate : null)).id = 'grade-' + grade + '-' + band; });
    });
    fillRows('#stage-table tbody', Object.entries(kpis.recoveryByStage || {}), (tr, [stage, r]) => {
      cell(tr, stage);
      cell(tr, num(r.cases));
      cell(tr, money(r.overdueAtStart));
      cell(tr, money(r.recovered));
      cell(tr, pct(r.rate)).id = 'stage-' + stage;
    });
    fillRows('#strategy-table tbody', Object.entries(kpis.recoveryByStrategy || {}), (tr, [variant, rates]) => {
      cell(tr, variant);
      bands.forEach((band) => { cell(tr, pct(rates[band] ? rates[band].rate : null)).id = 'strategy-' + variant + '-' + band; });
    });
    drawChart('chart-recovery', {
      type: 'bar',
      data: {
        labels: bands,
        datasets: [
          { label: 'recovery rate', data: bands.map((b) => Number(kpis.recoveryRates[b].rate) * 100), backgroundColor: '#457b9d' },
          { label: 'target', data: bands.map((b) => { const t = targets['recovery' + b]; return t ? Number(t.target) * 100 : null; }),
            backgroundColor: 'rgba(230, 57, 70, 0.35)' }
        ]
      },
      options: { animation: false, scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } }
    });
  }

  function renderRolls(kpis) {
    const rolls = kpis.rollRates;
    $('roll-period').textContent = rolls.from + ' → ' + rolls.to;
    const table = $('roll-matrix');
    table.replaceChildren();
    const head = document.createElement('tr');
    head.appendChild(document.createElement('th'));
    rolls.toBuckets.forEach((b) => { const th = document.createElement('th'); th.textContent = b; head.appendChild(th); });
    table.appendChild(head);
    rolls.fromBuckets.forEach((from) => {
      const tr = document.createElement('tr');
      const label = cell(tr, from, 'bucket');
      label.addEventListener('click', () => drillDown(from));
      rolls.toBuckets.forEach((to) => {
        const rate = Number(rolls.rates[from][to]);
        const count = rolls.counts[from][to];
        const td = cell(tr, count ? pct(rate) + ' (' + count + ')' : '');
        td.id = 'roll-' + from + '-' + to;
        if (count) {
          td.style.background = 'rgba(69, 123, 157, ' + (0.1 + rate * 0.6).toFixed(2) + ')';
        }
      });
      table.appendChild(tr);
    });
  }

  async function drillDown(bucket) {
    const cases = await getJson('/api/kpis/cases?bucket=' + encodeURIComponent(bucket));
    $('drilldown').hidden = false;
    $('drilldown-bucket').textContent = bucket + ' (' + cases.length + ')';
    fillRows('#drilldown-table tbody', cases, (tr, c) => {
      cell(tr, c.loanNo);
      cell(tr, c.product);
      cell(tr, c.region);
      cell(tr, num(c.dpd));
      cell(tr, money(c.overdueAmount));
      cell(tr, c.openedOn);
      const td = cell(tr, '');
      if (c.cockpitUrl) {
        const a = document.createElement('a');
        a.href = c.cockpitUrl;
        a.target = '_blank';
        a.textContent = 'open in Cockpit';
        td.appendChild(a);
      }
    });
  }

  function renderTrend(points, kpis) {
    const labels = points.map((p) => p.asOf);
    const targets = targetsByKpi(kpis);
    const colors = { 30: '#e76f51', 60: '#f4a261', 90: '#2a9d8f', 180: '#264653', 360: '#6d597a' };
    const datasets = Object.keys(colors).map((k) => ({
      label: 'DPD ≥ ' + k, data: points.map((p) => Number(p.overdueByCount[k]) * 100), borderColor: colors[k],
      backgroundColor: colors[k], tension: 0.2
    }));
    ['30', '60', '90'].forEach((k) => {
      const t = targets['overdueRate' + k];
      if (t) {
        datasets.push({ label: 'target ' + k, data: points.map(() => Number(t.target) * 100), borderColor: colors[k],
          borderDash: [6, 4], pointRadius: 0, borderWidth: 1 });
      }
    });
    drawChart('chart-overdue-trend', {
      type: 'line', data: { labels, datasets },
      options: { animation: false, scales: { y: { beginAtZero: true, title: { display: true, text: '%' } } } }
    });
    drawChart('chart-cost', {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'cost per case', data: points.map((p) => Number(p.costPerCase)), borderColor: '#e63946', yAxisID: 'cost' },
          { label: 'recovered (month)', data: points.map((p) => Number(p.recovered)), borderColor: '#457b9d', yAxisID: 'money' }
        ]
      },
      options: { animation: false, scales: { cost: { position: 'left', beginAtZero: true }, money: { position: 'right', beginAtZero: true } } }
    });
  }

  async function renderSlices(asOf) {
    const by = $('slice-by').value;
    const answer = await getJson('/api/kpis/slices?asOf=' + asOf + '&by=' + encodeURIComponent(by));
    fillRows('#slice-table tbody', answer.slices, (tr, s) => {
      const id = 'slice-' + by + '-' + s.value;
      cell(tr, s.value);
      cell(tr, num(s.activeLoans));
      ['30', '60', '90', '180', '360'].forEach((k) => cell(tr, pct(s.overdueRates ? s.overdueRates[k].byCount : null)));
      const r = s.recoveryRates || {};
      cell(tr, num(r.WITHIN_90 ? r.WITHIN_90.cases : null));
      ['WITHIN_90', 'DAYS_90_179', 'DAYS_180_PLUS'].forEach((band) => {
        cell(tr, pct(r[band] ? r[band].rate : null)).id = id + '-' + band;
      });
    });
    $('slice-table').dataset.by = by;
  }

  async function renderScorecards(asOf) {
    const cards = await getJson('/api/kpis/scorecards?to=' + asOf);
    fillRows('#scorecards tbody', cards, (tr, c) => {
      cell(tr, c.subject);
      cell(tr, c.type);
      cell(tr, num(c.tasksCompleted));
      cell(tr, num(c.hours));
      cell(tr, num(c.contacts));
      cell(tr, pct(c.rightPartyRate));
      cell(tr, num(c.blockedAttempts));
      cell(tr, money(c.recovered));
      cell(tr, money(c.cost));
      cell(tr, num(c.complaints));
      cell(tr, num(c.accountabilityRecords));
    });
  }

  const PILOT_METRICS = {
    cure30: 'cured within 30 days', cure90: 'cured within 90 days',
    roll30: 'reached 30+ DPD within 60 days', recovery90: 'recovered in the first 90 days'
  };
  const percentPoints = (x) => (x === null || x === undefined) ? '–' : (Number(x) * 100).toFixed(1);

  async function renderPilot(asOf) {
    let url = '/api/kpis/challenger?asOf=' + asOf;
    ['champion', 'challenger'].forEach((arm) => {
      const value = $('pilot-' + arm).value.trim();
      if (value) {
        url += '&' + arm + '=' + encodeURIComponent(value);
      }
    });
    const report = await getJson(url);
    $('pilot-champion').value = report.champion;
    $('pilot-challenger').value = report.challenger;
    const arms = {};
    (report.arms || []).forEach((a) => { arms[a.strategy] = a; });
    const count = (strategy, metric) => (arms[strategy] ? arms[strategy][metric].cases : 0);
    fillRows('#pilot-table tbody', report.differences, (tr, d) => {
      cell(tr, PILOT_METRICS[d.metric] || d.metric);
      cell(tr, pct(d.champion) + ' (' + count(report.champion, d.metric) + ')').id = 'pilot-' + d.metric + '-champion';
      cell(tr, pct(d.challenger) + ' (' + count(report.challenger, d.metric) + ')').id = 'pilot-' + d.metric + '-challenger';
      const difference = d.difference === null ? '–' : (d.difference >= 0 ? '+' : '') + percentPoints(d.difference)
        + ' pt (' + percentPoints(d.ci95Low) + ' .. ' + percentPoints(d.ci95High) + ')';
      cell(tr, difference, d.clear ? 'MET' : null).id = 'pilot-' + d.metric + '-difference';
      cell(tr, d.p === null ? '–' : Number(d.p).toFixed(3));
    });
    const a = report.assignment;
    $('pilot-assignment').textContent = a.cases + ' cases; challenger ' + pct(a.observedShare)
      + (report.configuredShare === undefined ? '' : ' (configured ' + pct(report.configuredShare)
        + (a.p === undefined ? '' : ', p ' + Number(a.p).toFixed(3)) + ')');
    $('pilot-table').dataset.pair = report.champion + '/' + report.challenger;
  }

  function reportLinks(asOf) {
    const base = '/api/kpis/report?date=' + asOf + '&period=';
    $('report-month-html').href = base + 'month&format=html';
    $('report-month-csv').href = base + 'month&format=csv';
    $('report-quarter-html').href = base + 'quarter&format=html';
    $('report-year-html').href = base + 'year&format=html';
    ['month', 'quarter', 'year'].forEach((period) => { $('report-' + period + '-pdf').href = base + period + '&format=pdf'; });
  }

  async function show(asOf, points) {
    const kpis = await getJson('/api/kpis?asOf=' + asOf);
    renderTiles(kpis);
    renderOverdue(kpis);
    renderRecovery(kpis);
    renderRolls(kpis);
    renderTrend(points, kpis);
    reportLinks(asOf);
    await Promise.all([renderSlices(asOf), renderScorecards(asOf), renderPilot(asOf)]);
    document.body.dataset.loaded = asOf;
  }

  async function start() {
    try {
      const points = await getJson('/api/kpis/trend');
      if (points.length === 0) {
        showMessage('No KPI snapshot yet: the daily job writes one after the scan (or POST /api/kpis/snapshot). Showing today, computed live.');
      }
      const select = $('as-of');
      const days = points.map((p) => p.asOf).reverse();
      if (days.length === 0) {
        days.push(new Date().toISOString().substring(0, 10));
      }
      days.forEach((d) => { const o = document.createElement('option'); o.value = d; o.textContent = d; select.appendChild(o); });
      select.addEventListener('change', () => show(select.value, points).catch((e) => showMessage(e.message)));
      $('slice-by').addEventListener('change', () => renderSlices(select.value).catch((e) => showMessage(e.message)));
      $('pilot-form').addEventListener('submit', (event) => {
        event.preventDefault();
        renderPilot(select.value).catch((e) => showMessage(e.message));
      });
      await show(days[0], points);
    } catch (e) {
      showMessage('Could not load the KPIs: ' + e.message);
    }
  }

  start();
}());
