// 公报通: progressive enhancement only. Every page works without this file.
// - marks <html class="js"> so charts (which need JS) are shown;
// - opens the <details> that holds a linked target (e.g. #L889 in the source view);
// - highlights the outline entry of the section being read;
// - folds the outline on small screens;
// - draws the statistics charts with ECharts from each chart's data-chart JSON;
// - the document page's print button and font-size switch (kept in localStorage).
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var d = el.closest('details');
    var opened = false;
    while (d) {
      if (!d.open) { d.open = true; opened = true; }
      d = d.parentElement && d.parentElement.closest('details');
    }
    if (opened) el.scrollIntoView({ block: 'center' });
  }

  function outline() {
    var nav = document.querySelector('.outline');
    if (!nav) return;
    var box = nav.querySelector('details');
    if (box && window.matchMedia('(max-width: 1023px)').matches) box.open = false;
    if (!('IntersectionObserver' in window)) return;
    var links = Array.prototype.slice.call(nav.querySelectorAll('a[href^="#"]'));
    var byId = {};
    var targets = [];
    links.forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      var el = document.getElementById(id);
      if (el && !byId[id]) { byId[id] = a; targets.push(el); }
    });
    var current = null;
    var visible = {};
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting ? e.boundingClientRect.top : undefined; });
      var best = null;
      targets.forEach(function (t) { if (visible[t.id] !== undefined && best === null) best = t.id; });
      if (!best || byId[best] === current) return;
      if (current) { current.classList.remove('active'); current.removeAttribute('aria-current'); }
      current = byId[best];
      current.classList.add('active');
      current.setAttribute('aria-current', 'location');
      var list = nav.querySelector('details');
      if (list && list.open && current.scrollIntoView && window.matchMedia('(min-width: 1024px)').matches) {
        var aside = nav.closest('.doc-aside');
        // Keep the active entry visible in the sticky outline, scrolling it only when needed.
        if (aside) {
          var a = aside.getBoundingClientRect();
          var r = current.getBoundingClientRect();
          if (r.top < a.top || r.bottom > a.bottom) aside.scrollTop += r.top - a.top - aside.clientHeight / 2;
        }
      }
    }, { rootMargin: '0px 0px -65% 0px' });
    targets.forEach(function (t) { observer.observe(t); });
  }

  var PALETTE = ['#b3141c', '#143d6e', '#d98a1f', '#2e7d4f', '#6b7c93', '#8e44ad', '#16808a'];
  var STATUS_COLORS = { '现行有效': '#2e7d4f', '已失效': '#8a939c', '已废止': '#b3141c', '尚未生效': '#1a56a8', '未标注': '#c9ced4' };
  var FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

  function chartOption(spec) {
    var base = {
      color: PALETTE,
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      textStyle: { fontFamily: FONT },
      aria: { enabled: true },
      tooltip: { trigger: spec.kind === 'pie' ? 'item' : 'axis', confine: true },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    };
    var unit = spec.unit || '';
    if (spec.kind === 'pie') {
      base.legend = { bottom: 0, type: 'scroll' };
      base.series = [{
        type: 'pie', radius: ['38%', '66%'], center: ['50%', '45%'], name: spec.series[0].name,
        label: { formatter: '{b}\n{c}' + unit },
        data: spec.categories.map(function (c, i) { return { name: c, value: spec.series[0].data[i], itemStyle: { color: STATUS_COLORS[c] } }; }),
      }];
      return base;
    }
    var horizontal = spec.kind === 'hbar';
    var cats = horizontal ? spec.categories.slice().reverse() : spec.categories;
    var catAxis = { type: 'category', data: cats, axisLabel: horizontal ? { interval: 0, width: 150, overflow: 'truncate' } : { hideOverlap: true } };
    var valAxis = { type: 'value', minInterval: 1, name: horizontal ? '' : unit };
    base.xAxis = horizontal ? valAxis : catAxis;
    base.yAxis = horizontal ? catAxis : valAxis;
    if (spec.series.length > 1) base.legend = { top: 0, type: 'scroll' };
    base.series = spec.series.map(function (s) {
      return {
        type: 'bar', name: s.name, stack: spec.kind === 'stacked' ? 'total' : undefined, barMaxWidth: 36,
        data: horizontal ? s.data.slice().reverse() : s.data,
        label: spec.kind === 'stacked' ? undefined : { show: true, position: horizontal ? 'right' : 'top' },
      };
    });
    return base;
  }

  function charts() {
    var nodes = document.querySelectorAll('.chart[data-chart]');
    if (!nodes.length || !window.echarts) return;
    var instances = [];
    Array.prototype.forEach.call(nodes, function (el) {
      try {
        var spec = JSON.parse(el.getAttribute('data-chart'));
        if (spec.kind === 'hbar') el.classList.add('chart-tall');
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(chartOption(spec));
        instances.push(chart);
        var table = el.parentElement.querySelector('details.chart-data');
        if (table) table.open = false;
      } catch (e) {
        el.classList.add('chart-failed');
      }
    });
    var timer = null;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { instances.forEach(function (c) { c.resize(); }); }, 150);
    });
  }

  var FONT_KEY = 'gongbao-font';
  function setFont(step) {
    var n = Math.max(-1, Math.min(2, step));
    document.documentElement.setAttribute('data-font', String(n));
    try { localStorage.setItem(FONT_KEY, String(n)); } catch (e) { /* private mode: this page only */ }
  }
  function tools() {
    var saved = 0;
    try { saved = Number(localStorage.getItem(FONT_KEY)) || 0; } catch (e) { saved = 0; }
    if (saved) setFont(saved);
    var bar = document.querySelector('.doc-tools');
    if (!bar) return;
    bar.querySelectorAll('[hidden]').forEach(function (el) { el.hidden = false; });
    bar.addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) return;
      if (b.hasAttribute('data-print')) return window.print();
      var d = Number(b.getAttribute('data-font'));
      var now = Number(document.documentElement.getAttribute('data-font')) || 0;
      setFont(d === 0 ? 0 : now + d);
    });
  }

  function ready() {
    tools();
    openTarget();
    outline();
    charts();
    window.addEventListener('hashchange', openTarget);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
