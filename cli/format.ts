/** Left-aligned text columns (first column left, the rest right-aligned), for terminal tables. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatError(value: number | undefined): string {
  return value === undefined ? '-' : value.toExponential(2);
}

export function formatShape(shape: readonly number[]): string {
  return shape.join('x');
}
