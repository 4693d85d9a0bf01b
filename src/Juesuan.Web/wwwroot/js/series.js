// Draws a series as a line chart with ECharts: a gap (a year not stored, or not listed) breaks the line rather than
// falling to zero. The table below the chart holds the same numbers. Without ECharts the table stands alone.
(function () {
  const host = document.getElementById('series-chart');
  if (!host) {
    return;
  }

  if (typeof echarts === 'undefined') {
    host.textContent = '图表组件（ECharts）未安装，数字见下表。';
    host.classList.add('missing');
    return;
  }

  const points = JSON.parse(host.dataset.points);
  const chart = echarts.init(host, null, { renderer: 'canvas' });
  // Told before the option is set: without animation the first frame may be drawn at once.
  chart.on('finished', () => { host.dataset.rendered = '1'; });
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (items) => items.map((i) => {
        const p = points[i.dataIndex];
        return `${p.year} 年：${p.printed === null ? '缺（' + p.gap + '）' : p.printed}`;
      }).join('<br>'),
    },
    grid: { left: 60, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis: { type: 'value', scale: true, name: points.length > 0 ? points[0].unit : '' },
    series: [{ type: 'line', name: host.dataset.title, data: points.map((p) => p.value), connectNulls: false, symbolSize: 8 }],
  });
  window.addEventListener('resize', () => chart.resize());
})();
