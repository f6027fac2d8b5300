import type { Command } from 'commander';
import { formatShape } from '../nn/tensor.js';
import { ABSURD_FLOOR, ABSURD_RATIO, checkWeightMagnitudes, type MagnitudeReport } from '../runtime/weights/magnitudes.js';
import type { StateDict } from '../runtime/weights/state-dict.js';
import { WeightsError } from '../runtime/weights/weights-error.js';

/** The two options of every command that loads weights from a file (infer, export-onnx). */
export interface CheckWeightsOptions {
  checkWeights?: boolean;
  acceptAbsurdWeights?: boolean;
}

export function addCheckWeightsOptions(command: Command): Command {
  return command
    .option('--check-weights', `report tensors holding absurd magnitudes (|w| > max(${ABSURD_FLOOR}, ${ABSURD_RATIO} x the tensor's median |w|): ` +
      'a damaged byte in a float\'s exponent) on stderr, and stop with exit status 1 if any are found')
    .option('--accept-absurd-weights', 'with --check-weights: report, then go on with the weights anyway');
}

/**
 * `--check-weights`: writes the report (one line per flagged tensor, or one line saying none) to `write`, then
 * throws a one-line WeightsError when a tensor was flagged, unless `--accept-absurd-weights`. Nothing without
 * --check-weights (the check sorts every tensor's magnitudes: ~1 s for a large checkpoint).
 */
export function checkWeights(dict: StateDict, source: string, options: CheckWeightsOptions, write: (line: string) => void): MagnitudeReport | undefined {
  if (!options.checkWeights) return undefined;
  const report = checkWeightMagnitudes(dict);
  const rule = `|w| > max(${ABSURD_FLOOR}, ${ABSURD_RATIO} x median |w|)`;
  if (report.flagged.length === 0) {
    write(`neocc: --check-weights: ${report.tensors} tensors of ${source}, none with absurd magnitudes (${rule})`);
    return report;
  }
  write(`neocc: --check-weights: ${report.flagged.length} of ${report.tensors} tensors of ${source} hold absurd magnitudes (${rule}):`);
  for (const t of report.flagged) {
    write(`  ${t.name} ${formatShape(t.shape)}: ${t.count} value(s) over ${t.threshold.toExponential(2)}, the largest ${t.value.toExponential(4)} ` +
      `at flat index ${t.index}; median |w| ${t.medianAbs.toExponential(2)}`);
  }
  if (!options.acceptAbsurdWeights) {
    const first = report.flagged[0]!;
    throw new WeightsError('absurd-magnitudes', source,
      `${report.flagged.length} tensor(s) hold absurd magnitudes, e.g. "${first.name}" holds ${first.value.toExponential(4)} at flat index ${first.index} ` +
      `(median |w| ${first.medianAbs.toExponential(2)}); a damaged file? (--accept-absurd-weights uses them anyway)`);
  }
  return report;
}
