// 督办系统: progressive enhancement only; every page works without this file.
// - the dashboard's charts, drawn with ECharts from the JSON data block
//   (#sv-dashboard-data); the tables below them stay as the fallback;
// - the evaluation page's 打印 button.
(function () {
  'use strict';
  var FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  var RED = '#b3141c';
  var NAVY = '#143d6e';
  var GOLD = '#d98a1f';

  function base() {
    return {
      textStyle: { fontFamily: FONT },
      aria: { enabled: true },
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    };
  }

  function overdueOption(d) {
    var o = base();
    var units = d.units.slice().reverse();
    o.legend = { top: 0, data: ['超期任务', '在办任务'] };
    o.xAxis = { type: 'value', minInterval: 1 };
    o.yAxis = { type: 'category', data: units, axisLabel: { width: 130, overflow: 'truncate' } };
    o.series = [
      { type: 'bar', name: '超期任务', data: d.overdue.slice().reverse(), itemStyle: { color: RED }, barMaxWidth: 18, label: { show: true, position: 'right' } },
      { type: 'bar', name: '在办任务', data: d.open.slice().reverse(), itemStyle: { color: '#9fb3cc' }, barMaxWidth: 18 },
    ];
    return o;
  }

  function quartersOption(d) {
    var o = base();
    o.legend = { top: 0, data: ['办结率', '按期办结率'] };
    o.tooltip.valueFormatter = function (v) { return v + '%'; };
    o.xAxis = { type: 'category', data: d.labels, axisLabel: { interval: 0 } };
    o.yAxis = { type: 'value', min: 0, max: 100, name: '%' };
    o.series = [
      { type: 'bar', name: '办结率', data: d.rate, itemStyle: { color: NAVY }, barMaxWidth: 36, label: { show: true, position: 'top', formatter: '{c}%' } },
      { type: 'line', name: '按期办结率', data: d.onTimeRate, itemStyle: { color: GOLD }, lineStyle: { width: 3 }, symbolSize: 8 },
    ];
    return o;
  }

  function charts() {
    var block = document.getElementById('sv-dashboard-data');
    if (!block || !window.echarts) return;
    var data;
    try { data = JSON.parse(block.textContent || '{}'); } catch (e) { return; }
    var options = { overdue: overdueOption, quarters: quartersOption };
    var instances = [];
    Array.prototype.forEach.call(document.querySelectorAll('[data-sv-chart]'), function (el) {
      var name = el.getAttribute('data-sv-chart');
      if (!options[name] || !data[name]) return;
      try {
        if (name === 'overdue') el.style.height = Math.max(260, 70 + data.overdue.units.length * 44) + 'px';
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(options[name](data[name]));
        instances.push(chart);
        var table = el.parentElement.querySelector('details.sv-chart-data');
        if (table) table.open = false;
      } catch (e) {
        el.classList.add('chart-failed');
      }
    });
    window.addEventListener('resize', function () { instances.forEach(function (c) { c.resize(); }); });
  }

  function printButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });
  }

  function ready() { charts(); printButtons(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
}());
