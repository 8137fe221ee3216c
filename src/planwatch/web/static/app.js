// PlanWatch pages: ECharts charts from JSON blocks, auto-submitting selects, the document viewer's
// fact list. No inline scripts anywhere (the CSP forbids them); everything is wired here.
(function () {
  "use strict";
  var COLORS = { achieved: "#1a7f4b", on_track: "#2e9d5b", at_risk: "#d48806", off_track: "#c62828",
                 no_data: "#8a94a3", not_assessable: "#7b5ea7" };
  var FONT = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';

  function data(el) {
    var src = document.getElementById(el.dataset.source);
    return src ? JSON.parse(src.textContent) : null;
  }

  var builders = {
    status: function (d) {
      var items = d.items.filter(function (i) { return i.value > 0; });
      return {
        textStyle: { fontFamily: FONT }, tooltip: { trigger: "item", formatter: "{b}: {c} 项 ({d}%)" },
        legend: { orient: "vertical", right: 10, top: "middle" },
        series: [{ type: "pie", radius: ["45%", "72%"], center: ["38%", "50%"], label: { formatter: "{b}\n{c}" },
          data: items.map(function (i) { return { name: i.label, value: i.value, itemStyle: { color: COLORS[i.key] } }; }) }]
      };
    },
    path: function (d) {
      var series = [
        { name: "规划路径", type: "line", data: d.expected, lineStyle: { type: "dashed", width: 2 }, symbol: "circle",
          symbolSize: 5, itemStyle: { color: "#1d5fa8" }, connectNulls: true },
        { name: "实际值", type: "line", data: d.achieved, symbolSize: 9, itemStyle: { color: "#b3282d" }, lineStyle: { width: 3 },
          connectNulls: true, label: { show: true, position: "top" } }
      ];
      var marks = (d.targets || []).map(function (t) { return { xAxis: String(t.year), label: { formatter: t.value } }; });
      if (marks.length) { series[0].markLine = { symbol: "none", lineStyle: { color: "#d48806" }, data: marks }; }
      return {
        textStyle: { fontFamily: FONT }, tooltip: { trigger: "axis" }, legend: { top: 0 },
        grid: { left: 60, right: 30, top: 40, bottom: 30 },
        xAxis: { type: "category", data: d.years.map(String), name: "年份" },
        yAxis: { type: "value", name: d.scale, scale: true }, series: series
      };
    },
    compare: function (d) {
      return {
        textStyle: { fontFamily: FONT }, tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + "%"; } },
        legend: { top: 0 }, grid: { left: 50, right: 20, top: 40, bottom: 60 },
        xAxis: { type: "category", data: d.regions, axisLabel: { interval: 0, rotate: d.regions.length > 8 ? 30 : 0 } },
        yAxis: { type: "value", name: "进度 %" },
        series: [
          { name: "实际进度", type: "bar", barMaxWidth: 48, data: d.progress.map(function (v, i) {
              return { value: v, itemStyle: { color: COLORS[d.status[i]] || "#1d5fa8" } }; }), label: { show: true, position: "top", formatter: "{c}%" } },
          { name: "进度要求", type: "line", data: d.elapsed, itemStyle: { color: "#1f2933" }, lineStyle: { type: "dashed" } }
        ]
      };
    }
  };

  function charts(root) {
    if (!window.echarts) { return; }
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var d = data(el), build = builders[el.dataset.chart];
      if (!d || !build) { return; }
      var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(build(d), true);
      el.dataset.rendered = "1";
    });
  }

  function autosubmit(root) {
    root.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
  }

  function viewer() {
    var text = document.getElementById("doc-text");
    if (!text) { return; }
    function marksOf(ref) {
      return Array.prototype.filter.call(text.querySelectorAll("mark.fact"), function (m) {
        return (" " + m.dataset.refs + " ").indexOf(" " + ref + " ") >= 0;
      });
    }
    function focus(mark, smooth) {
      // scroll the text pane only (scrollIntoView would scroll the whole page away from the header)
      text.scrollTo({ top: Math.max(mark.offsetTop - text.clientHeight / 3, 0), behavior: smooth ? "smooth" : "auto" });
    }
    function show(ref) {
      text.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active", "flash"); });
      var marks = marksOf(ref);
      marks.forEach(function (m) { m.classList.add("active", "flash"); });
      if (marks.length) { focus(marks[0], true); }
      document.querySelectorAll(".fact-item.current").forEach(function (li) { li.classList.remove("current"); });
      var item = document.querySelector('.fact-item[data-ref="' + ref + '"]');
      if (item) { item.classList.add("current"); }
    }
    document.querySelectorAll(".fact-item a[data-ref]").forEach(function (a) {
      a.addEventListener("click", function (ev) { ev.preventDefault(); show(a.dataset.ref); });
    });
    text.addEventListener("click", function (ev) {
      var m = ev.target.closest("mark.fact");
      if (!m) { return; }
      var ref = m.dataset.refs.split(" ").filter(function (r) { return r !== "HL"; })[0];
      if (ref) { show(ref); var item = document.querySelector('.fact-item[data-ref="' + ref + '"]');
        if (item) { item.scrollIntoView({ block: "nearest" }); } }
    });
    document.querySelectorAll(".chip[data-fact-type]").forEach(function (chip) {
      chip.addEventListener("click", function () {
        chip.classList.toggle("off");
        var hide = chip.classList.contains("off");
        document.querySelectorAll('.fact-item[data-type="' + chip.dataset.factType + '"]').forEach(function (li) {
          li.classList.toggle("hidden", hide);
        });
      });
    });
    var hl = document.getElementById("hl");
    if (hl) { window.scrollTo(0, 0); focus(hl, false); hl.classList.add("flash"); }
  }

  function init(root) { charts(root); autosubmit(root); }
  document.addEventListener("DOMContentLoaded", function () { init(document); viewer(); });
  document.addEventListener("htmx:afterSwap", function (ev) { init(ev.target); });
  window.addEventListener("resize", function () {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var c = window.echarts.getInstanceByDom(el); if (c) { c.resize(); }
    });
  });
})();
