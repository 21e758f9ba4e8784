// Dependency-free SVG charts for the bench report: a log-log line chart and a horizontal bar chart.

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));

/**
 * `series`: [{ name, points: [{x, y}] }]. Both axes logarithmic, so constant slope = power law;
 * a dashed reference line of slope 1 (linear growth) through the first point makes a super-linear curve visible.
 */
export function lineChartSvg({ title, xLabel, yLabel, series, width = 640, height = 380 }) {
  const pad = { left: 70, right: 20, top: 40, bottom: 55 };
  const all = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  if (all.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60"><text x="10" y="30">${esc(title)}: no data</text></svg>`;
  const lx = all.map((p) => Math.log10(p.x));
  const ly = all.map((p) => Math.log10(p.y));
  const [x0, x1] = [Math.floor(Math.min(...lx)), Math.ceil(Math.max(...lx))];
  const [y0, y1] = [
    Math.floor(Math.min(...ly)),
    Math.ceil(Math.max(...ly)) + (Math.max(...ly) === Math.ceil(Math.max(...ly)) ? 1 : 0),
  ];
  const sx = (x) => pad.left + ((Math.log10(x) - x0) / Math.max(1e-9, x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y) =>
    height - pad.bottom - ((Math.log10(y) - y0) / Math.max(1e-9, y1 - y0)) * (height - pad.top - pad.bottom);
  const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
  ];
  for (let e = x0; e <= x1; e++) {
    const x = sx(10 ** e);
    parts.push(
      `<line x1="${x}" y1="${pad.top}" x2="${x}" y2="${height - pad.bottom}" stroke="#eee"/><text x="${x}" y="${height - pad.bottom + 16}" text-anchor="middle">${fmt(10 ** e)}</text>`,
    );
  }
  for (let e = y0; e <= y1; e++) {
    const y = sy(10 ** e);
    parts.push(
      `<line x1="${pad.left}" y1="${y}" x2="${width - pad.right}" y2="${y}" stroke="#eee"/><text x="${pad.left - 6}" y="${y + 4}" text-anchor="end">${fmt(10 ** e)}</text>`,
    );
  }
  parts.push(`<text x="${width / 2}" y="${height - 12}" text-anchor="middle">${esc(xLabel)} (log)</text>`);
  parts.push(
    `<text transform="translate(16 ${height / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)} (log)</text>`,
  );
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0);
    if (pts.length === 0) return;
    const colour = colours[i % colours.length];
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const p of pts)
      parts.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${colour}"/>`);
    const first = pts[0];
    const last = pts[pts.length - 1];
    const refY = first.y * (last.x / first.x);
    parts.push(
      `<line x1="${sx(first.x)}" y1="${sy(first.y)}" x2="${sx(last.x)}" y2="${sy(refY)}" stroke="${colour}" stroke-dasharray="4 4" opacity="0.5"/>`,
    );
    parts.push(`<text x="${pad.left + 8}" y="${pad.top + 14 + i * 16}" fill="${colour}">${esc(s.name)}</text>`);
  });
  parts.push(
    `<text x="${width - pad.right}" y="${pad.top - 6}" text-anchor="end" fill="#888">dashed: linear growth from the first point</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}

/** `bars`: [{ label, value }] drawn as horizontal bars with their values. */
export function barChartSvg({ title, unit, bars, width = 640 }) {
  const rowH = 26;
  const pad = { left: 170, right: 90, top: 40 };
  const height = pad.top + rowH * bars.length + 20;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = pad.top + i * rowH;
    const w = (b.value / max) * (width - pad.left - pad.right);
    parts.push(`<text x="${pad.left - 8}" y="${y + 16}" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${pad.left}" y="${y + 4}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 8}" fill="#1f77b4"/>`,
    );
    parts.push(`<text x="${pad.left + w + 6}" y="${y + 16}">${fmt(b.value)} ${esc(unit)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
