/*
 * A campaign's page: fetches the campaign's numbers from the dashboard's data route and
 * draws the funnel, the time series and the tables; a server-sent event stream says when
 * they changed, on any server instance, and the page fetches and redraws them.
 * Plain JavaScript and Chart.js; every text from the server goes in through textContent.
 */
(function () {
  'use strict';

  var page = document.getElementById('campaign-page');
  if (!page) {
    return;
  }
  var dataUrl = page.getAttribute('data-data-url');
  var eventsUrl = page.getAttribute('data-events-url');
  var rewardStep = page.getAttribute('data-reward-step');
  var numbers = new Intl.NumberFormat('en-US');
  var percents = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
  var palette = ['#2f6fde', '#22a55b', '#f59f00', '#9c36b5', '#e8590c', '#0ca678', '#d6336c', '#5c7cfa',
    '#495057', '#74b816'];

  var filters = document.getElementById('filters');
  var state = {
    from: filters.elements.from.value,
    to: filters.elements.to.value,
    tz: filters.elements.tz.value,
    screen: '',
    interval: 'day',
    sort: 'SCANNED',
    order: 'desc'
  };
  state.interval = days(state.from, state.to) <= 2 ? 'hour' : 'day';
  pressInterval();
  var funnelChart = null;
  var seriesChart = null;
  var loading = false;
  var again = false;

  // ---------------------------------------------------------------- fetching

  function query() {
    var params = new URLSearchParams();
    if (state.from) { params.set('from', state.from); }
    if (state.to) { params.set('to', state.to); }
    if (state.tz) { params.set('tz', state.tz); }
    return params;
  }

  function load() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    var params = query();
    if (state.screen) { params.set('screen_id', state.screen); }
    params.set('interval', state.interval);
    params.set('sort', state.sort);
    params.set('order', state.order);
    fetch(dataUrl + '?' + params.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign('/dashboard/login?next=' + encodeURIComponent(window.location.pathname));
          throw new Error('Your session has ended: log in again.');
        }
        return response.json().then(function (json) {
          if (!response.ok) {
            throw new Error(json.error_msg || 'The numbers could not be loaded (HTTP ' + response.status + ').');
          }
          return json;
        });
      })
      .then(function (data) {
        hideError();
        render(data);
      })
      .catch(function (e) {
        showError(e.message === 'Failed to fetch' ? 'The server could not be reached; retrying on the next change.' : e.message);
      })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          load();
        }
      });
  }

  function showError(message) {
    var box = document.getElementById('data-error');
    box.textContent = message;
    box.hidden = false;
  }

  function hideError() {
    document.getElementById('data-error').hidden = true;
  }

  // ---------------------------------------------------------------- formatting

  function stepName(step) {
    var words = step.replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '–';
    }
    var s = Math.round(seconds);
    if (s < 60) { return s + ' s'; }
    if (s < 3600) { return Math.floor(s / 60) + ' min ' + (s % 60) + ' s'; }
    if (s < 86400) { return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min'; }
    return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
  }

  function share(part, whole) {
    return whole ? percents.format(part / whole) : '–';
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function stepSessions(steps, name) {
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].step === name) { return steps[i].sessions; }
    }
    return 0;
  }

  // ---------------------------------------------------------------- drawing

  function render(data) {
    var steps = data.funnel.steps;
    var scanned = steps.length ? steps[0].sessions : 0;
    var reward = stepSessions(steps, rewardStep);
    var issued = stepSessions(steps, 'COUPON_ISSUED');
    var redeemed = stepSessions(steps, 'COUPON_REDEEMED');
    setText('[data-kpi="scanned"]', numbers.format(scanned));
    setText('[data-kpi="reward"]', numbers.format(reward));
    setText('[data-kpi-hint="reward"]', share(reward, scanned) + ' of scans');
    setText('[data-kpi="issued"]', numbers.format(issued));
    setText('[data-kpi-hint="issued"]', share(issued, scanned) + ' of scans');
    setText('[data-kpi="redeemed"]', numbers.format(redeemed));
    setText('[data-kpi-hint="redeemed"]', share(redeemed, issued) + ' of coupons issued');
    document.getElementById('no-scans').hidden = scanned > 0;

    renderFunnelTable(data.funnel);
    renderFunnelChart(data.funnel);
    renderSeries(data.series);
    renderScreens(data.breakdown);
    renderPool(data.coupons);
    renderState(data.campaign);
    var time = new Date(data.updated_at);
    setText('#updated-at', 'Updated ' + time.toLocaleTimeString('en-GB'));
  }

  function setText(selector, text) {
    var element = document.querySelector(selector);
    if (element) { element.textContent = text; }
  }

  function renderFunnelTable(funnel) {
    var body = document.querySelector('#funnel-table tbody');
    var rows = [];
    funnel.steps.forEach(function (step, index) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-step', step.step);
      cell(tr, stepName(step.step));
      cell(tr, numbers.format(step.sessions), 'num');
      cell(tr, index === 0 ? '–' : percents.format(step.conversion_from_previous), 'num');
      cell(tr, percents.format(step.conversion_from_scan), 'num');
      cell(tr, index === 0 ? '–' : duration(step.median_seconds_from_scan), 'num');
      cell(tr, index === 0 ? '–' : duration(step.p90_seconds_from_scan), 'num');
      rows.push(tr);
      funnel.failures.forEach(function (failure) {
        if (failure.after_step === step.step) {
          rows.push(failureRow(failure));
        }
      });
    });
    funnel.failures.forEach(function (failure) {
      if (!failure.after_step) {
        rows.push(failureRow(failure));
      }
    });
    body.replaceChildren.apply(body, rows);
  }

  function failureRow(failure) {
    var tr = document.createElement('tr');
    tr.className = 'failure';
    tr.setAttribute('data-step', failure.step);
    cell(tr, '↳ ' + stepName(failure.step) + (failure.after_step ? ' (after ' + stepName(failure.after_step).toLowerCase() + ')' : ''));
    cell(tr, numbers.format(failure.sessions), 'num');
    cell(tr, '', 'num');
    cell(tr, '', 'num');
    cell(tr, '', 'num');
    cell(tr, '', 'num');
    return tr;
  }

  function renderFunnelChart(funnel) {
    var labels = funnel.steps.map(function (s) { return stepName(s.step); });
    var values = funnel.steps.map(function (s) { return s.sessions; });
    if (typeof Chart === 'undefined') {
      return;
    }
    if (!funnelChart) {
      funnelChart = new Chart(document.getElementById('funnel-chart'), {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: 'Sessions', data: values, backgroundColor: '#2f6fde', borderRadius: 4 }] },
        options: {
          indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return numbers.format(c.parsed.x) + ' sessions'; } } } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    } else {
      funnelChart.data.labels = labels;
      funnelChart.data.datasets[0].data = values;
      funnelChart.update();
    }
  }

  function pointLabel(start, interval) {
    // "2026-11-28T14:00+07:00": the series' own wall-clock time, whatever the browser's zone.
    var date = start.substring(0, 10);
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var label = parseInt(date.substring(8, 10), 10) + ' ' + months[parseInt(date.substring(5, 7), 10) - 1];
    return interval === 'hour' ? label + ' ' + start.substring(11, 16) : label;
  }

  function renderSeries(series) {
    if (typeof Chart === 'undefined') {
      return;
    }
    var labels = series.points.map(function (p) { return pointLabel(p.start, series.interval); });
    var shown = series.steps.map(function (step, i) { return { step: step, index: i }; })
      .filter(function (s) { return s.step === 'SCANNED' || s.step === rewardStep || s.step === 'COUPON_ISSUED' || s.step === 'COUPON_REDEEMED'; });
    var datasets = shown.map(function (s, i) {
      return {
        label: stepName(s.step), data: series.points.map(function (p) { return p.sessions[s.index]; }),
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
        tension: 0.25, pointRadius: series.points.length > 60 ? 0 : 2, borderWidth: 2
      };
    });
    if (!seriesChart) {
      seriesChart = new Chart(document.getElementById('series-chart'), {
        type: 'line',
        data: { labels: labels, datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxRotation: 0, autoSkip: true } } }
        }
      });
    } else {
      seriesChart.data.labels = labels;
      seriesChart.data.datasets = datasets;
      seriesChart.update();
    }
  }

  function renderScreens(breakdown) {
    var table = document.getElementById('screens-table');
    var head = table.querySelector('thead tr');
    var columns = [{ key: 'screen', label: 'Screen', num: false }];
    breakdown.steps.forEach(function (step) {
      columns.push({ key: step, label: step === 'SCANNED' ? 'Scans' : stepName(step), num: true });
    });
    columns.push({ key: 'failures', label: 'Failed', num: true });
    var headers = columns.map(function (column) {
      var th = document.createElement('th');
      if (column.num) { th.className = 'num'; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.setAttribute('data-sort', column.key);
      button.textContent = column.label;
      th.appendChild(button);
      if (breakdown.sort === column.key) {
        th.setAttribute('aria-sort', breakdown.order === 'asc' ? 'ascending' : 'descending');
      }
      return th;
    });
    head.replaceChildren.apply(head, headers);
    var body = table.querySelector('tbody');
    var rows = breakdown.rows.map(function (row) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-screen-id', row.screen_id);
      cell(tr, row.screen_name);
      row.steps.forEach(function (count, index) {
        var td = cell(tr, numbers.format(count.sessions), 'num');
        if (index > 0) {
          var sub = document.createElement('span');
          sub.className = 'sub';
          sub.textContent = percents.format(count.conversion_from_scan);
          td.appendChild(sub);
        }
      });
      cell(tr, numbers.format(row.failures), 'num');
      return tr;
    });
    body.replaceChildren.apply(body, rows);
    document.getElementById('no-screens').hidden = rows.length > 0;
  }

  function renderPool(coupons) {
    setText('[data-pool="total"]', numbers.format(coupons.total));
    setText('[data-pool="issued"]', numbers.format(coupons.issued));
    setText('[data-pool="redeemed"]', numbers.format(coupons.redeemed));
    setText('[data-pool="left"]', numbers.format(coupons.left));
    var bar = document.querySelector('progress[data-pool="used"]');
    if (bar) { bar.value = coupons.total ? Math.round(100 * coupons.issued / coupons.total) : 0; }
  }

  function renderState(campaign) {
    var badge = document.getElementById('campaign-state');
    if (badge.textContent.toLowerCase() !== campaign.state) {
      badge.className = 'badge badge-' + campaign.state;
      badge.textContent = campaign.state.charAt(0).toUpperCase() + campaign.state.slice(1);
    }
  }

  // ---------------------------------------------------------------- controls

  /** Days in the range, both ends included; 0 when a date is missing. */
  function days(from, to) {
    if (!from || !to) {
      return 0;
    }
    return Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  }

  function pressInterval() {
    document.querySelectorAll('[data-interval]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-interval') === state.interval));
    });
  }

  function updateExports() {
    document.querySelectorAll('[data-export]').forEach(function (link) {
      var url = new URL(link.getAttribute('href'), window.location.href);
      url.search = query().toString();
      if (state.screen && link.getAttribute('data-export') !== 'breakdown.csv') {
        url.searchParams.set('screen_id', state.screen);
      }
      link.setAttribute('href', url.pathname + url.search);
    });
  }

  filters.addEventListener('submit', function (event) {
    event.preventDefault();
    state.from = filters.elements.from.value;
    state.to = filters.elements.to.value;
    state.tz = filters.elements.tz.value.trim();
    state.screen = filters.elements.screen_id.value;
    if (state.interval === 'hour' && (days(state.from, state.to) > 31 || days(state.from, state.to) === 0)) {
      // At most 31 days of hours fit one chart.
      state.interval = 'day';
      pressInterval();
    }
    updateExports();
    load();
  });
  filters.elements.screen_id.addEventListener('change', function () {
    filters.requestSubmit ? filters.requestSubmit() : filters.dispatchEvent(new Event('submit'));
  });

  document.querySelectorAll('[data-interval]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.interval = button.getAttribute('data-interval');
      pressInterval();
      load();
    });
  });

  document.getElementById('screens-table').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-sort]');
    if (!button) { return; }
    var key = button.getAttribute('data-sort');
    if (state.sort === key) {
      state.order = state.order === 'desc' ? 'asc' : 'desc';
    } else {
      state.sort = key;
      state.order = key === 'screen' ? 'asc' : 'desc';
    }
    load();
  });

  document.addEventListener('smartengage:changed', load);

  // ---------------------------------------------------------------- live

  var live = document.getElementById('live-status');
  var source = null;
  var poll = null;

  function connect() {
    if (!window.EventSource) {
      poll = setInterval(load, 5000);
      return;
    }
    source = new EventSource(eventsUrl);
    source.addEventListener('ready', function () {
      live.classList.add('on');
      live.title = 'Live: updates appear without reloading';
      // Whatever changed while the stream was down.
      load();
    });
    source.addEventListener('changed', load);
    source.addEventListener('error', function () {
      live.classList.remove('on');
      live.title = 'Reconnecting…';
      if (source.readyState === EventSource.CLOSED) {
        // Refused (e.g. too many streams): check the numbers now and then, and try again later.
        source = null;
        setTimeout(connect, 15000);
        load();
      }
    });
  }

  window.addEventListener('pagehide', function () {
    if (source) { source.close(); }
    if (poll) { clearInterval(poll); }
  });

  load();
  connect();
})();
