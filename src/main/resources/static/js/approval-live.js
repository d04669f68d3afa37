/*
 * The live supervision view (/staff/approval): every few seconds, re-reads /api/approval-dashboard for each row
 * (the province, or one department) and puts the new numbers into its cells. A same-origin file, as the Content
 * Security Policy allows no inline script; without script the page still shows the figures of its request.
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-approval-live]');
  if (!root || !window.fetch) {
    return;
  }
  var api = root.getAttribute('data-api');
  var seconds = parseInt(root.getAttribute('data-refresh-seconds'), 10) || 5;

  function valueAt(data, path) {
    return path.split('.').reduce(function (value, key) {
      return value === null || value === undefined ? undefined : value[key];
    }, data);
  }

  function show(cell, value) {
    var format = cell.getAttribute('data-format');
    var text;
    if (format === 'percent') {
      text = value === null || value === undefined ? '\u2014' : (value * 100).toFixed(1) + ' %';
      var target = cell.getAttribute('data-target');
      if (target !== null) {
        cell.classList.toggle('below-target', value !== null && value !== undefined && value < parseFloat(target));
      }
    } else {
      text = value === null || value === undefined ? '0' : String(value);
    }
    if (cell.textContent !== text) {
      cell.textContent = text;
    }
  }

  function refresh(row) {
    var department = row.getAttribute('data-department');
    var url = api + (department ? '?department=' + encodeURIComponent(department) : '');
    return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        row.querySelectorAll('[data-field]').forEach(function (cell) {
          show(cell, valueAt(data, cell.getAttribute('data-field')));
        });
      });
  }

  function tick() {
    var rows = Array.prototype.slice.call(root.querySelectorAll('tr[data-department]'));
    Promise.all(rows.map(refresh)).then(function () {
      root.classList.remove('stale');
    }, function () {
      root.classList.add('stale');
    });
  }

  window.setInterval(tick, seconds * 1000);
}());
