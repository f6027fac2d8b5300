import { barChart, escapeHtml } from '../../compiler/html-chart.js';
import type { BenchResult } from './measure.js';

/** `neocc bench` output: a text table for the terminal and a self-contained HTML page (inline SVG, no scripts). */

const fmt = (v: number, digits = 2): string => v.toFixed(digits);

export function benchTable(r: BenchResult): string {
  const lines = [
    `${r.model} · batch ${r.batch} · backend ${r.backend.name} (${r.backend.description})`,
    `host: ${r.host.cpu}, ${r.host.cores} cores, ${r.host.os}, node ${r.host.node} · median of ${r.runs} runs`,
  ];
  if (r.neoCells.length > 0) {
    const head = `${'NeoCell'.padEnd(8)} ${'input'.padEnd(18)} ${'spec'.padEnd(6)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)} ${'GFLOP/s'.padStart(8)}`;
    lines.push('', head, '-'.repeat(head.length));
    for (const c of r.neoCells) {
      lines.push(`${`stage ${c.stage}`.padEnd(8)} ${c.inputShape.join('x').padEnd(18)} ${c.spec.padEnd(6)} ${fmt(c.timing.medianMs).padStart(10)} ${fmt(c.timing.minMs).padStart(9)} ${fmt(c.gflops).padStart(8)}`);
    }
  }
  if (r.neoCellsSkipped !== undefined) lines.push('', `NeoCell rows skipped: ${r.neoCellsSkipped}`);
  const m = r.model_forward;
  lines.push('', `whole forward: median ${fmt(m.timing.medianMs)} ms, min ${fmt(m.timing.minMs)} ms, ${fmt(m.imagesPerSecond)} images/s ` +
    `(prepare ${fmt(m.prepareMs, 0)} ms, first forward ${fmt(m.firstForwardMs)} ms)`);
  const total = m.modules.reduce((s, x) => s + x.ms, 0);
  const head = `${'module'.padEnd(14)} ${'ms'.padStart(9)} ${'share'.padStart(7)}`;
  lines.push('', 'per module (one observed forward)', head, '-'.repeat(head.length));
  for (const x of m.modules) lines.push(`${x.module.padEnd(14)} ${fmt(x.ms).padStart(9)} ${`${fmt((100 * x.ms) / total, 1)}%`.padStart(7)}`);
  return lines.join('\n');
}

export function benchHtml(r: BenchResult): string {
  const m = r.model_forward;
  const charts = [
    barChart(`${r.model}, batch ${r.batch}: time per module (one observed forward)`, m.modules.map((x) => ({ label: x.module, value: x.ms })), 'ms'),
    r.neoCells.length > 0 ? barChart('NeoCell forward per stage (median)', r.neoCells.map((c) => ({ label: `stage ${c.stage} ${c.inputShape.slice(1).join('x')}`, value: c.timing.medianMs })), 'ms') : '',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>neocc bench: ${escapeHtml(r.model)} on ${escapeHtml(r.backend.name)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}pre{background:#f4f4f4;padding:1em;overflow-x:auto}</style></head>
<body><h1>neocc bench: ${escapeHtml(r.model)} on ${escapeHtml(r.backend.name)}</h1>
<p>${escapeHtml(r.backend.description)}<br>${escapeHtml(r.date)}</p>
${charts.join('\n')}
<pre>${escapeHtml(benchTable(r))}</pre>
</body></html>
`;
}
