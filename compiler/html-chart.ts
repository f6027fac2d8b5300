/**
 * Self-contained HTML pieces for bench reports (inline SVG, no scripts), shared by `neocc bench` (cli/bench/report.ts)
 * and the repository's benches (bench/): here, below both, because the layering keeps cli/ and bench/ apart.
 */

const fmt = (v: number, digits = 2): string => v.toFixed(digits);

export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A horizontal bar chart as inline SVG: one bar per row, value labels at the bar ends. */
export function barChart(title: string, rows: readonly { label: string; value: number }[], unit: string, labelWidth = 170): string {
  const barHeight = 22;
  const chartWidth = 480;
  const max = Math.max(...rows.map((r) => r.value), Number.MIN_VALUE);
  const height = rows.length * (barHeight + 6) + 30;
  const bars = rows.map((r, i) => {
    const y = 24 + i * (barHeight + 6);
    const w = Math.max(1, (r.value / max) * chartWidth);
    return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(r.label)}</text>` +
      `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="#3b6ea5"/>` +
      `<text x="${labelWidth + w + 4}" y="${y + 15}">${fmt(r.value)} ${unit}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + chartWidth + 110}" height="${height}" font-family="sans-serif" font-size="12">` +
    `<text x="0" y="14" font-weight="bold">${escapeHtml(title)}</text>${bars}</svg>`;
}
