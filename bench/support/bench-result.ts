/**
 * What a benchmark measured, printed as one tagged JSON line on stdout so that `npm run bench`
 * can end with one table of every figure against its raw baseline and target.
 */
export interface BenchResult {
  bench: string;
  figure: string;
  unit: string;
  measured: number;
  /** The raw minimum measured in the same run; absent where there is no meaningful one. */
  baseline?: number;
  /** measured / baseline, or baseline / measured for figures where lower is better. */
  ratio?: number;
  target: string;
  met: boolean;
}

export const RESULT_TAG = 'BENCH_RESULT ';

export function publishResult(result: BenchResult): void {
  console.log(`${RESULT_TAG}${JSON.stringify(result)}`);
}

/** Reads back the results a benchmark printed; other lines are its own progress output. */
export function parseResults(output: string): BenchResult[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(RESULT_TAG))
    .map((line) => JSON.parse(line.slice(RESULT_TAG.length)) as BenchResult);
}

const formatNumber = (value: number | undefined, digits = 0) =>
  value === undefined ? '—' : value.toLocaleString('en-GB', { maximumFractionDigits: digits });

/** The closing table of `npm run bench`: one line per figure. */
export function resultsTable(results: readonly BenchResult[]): string {
  const header = ['bench', 'figure', 'measured', 'raw baseline', 'ratio', 'target', 'met'];
  const rows = results.map((result) => [
    result.bench,
    result.figure,
    `${formatNumber(result.measured, result.measured < 10 ? 2 : 0)} ${result.unit}`,
    result.baseline === undefined
      ? '—'
      : `${formatNumber(result.baseline, result.baseline < 10 ? 2 : 0)} ${result.unit}`,
    result.ratio === undefined ? '—' : result.ratio.toFixed(2),
    result.target,
    result.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
