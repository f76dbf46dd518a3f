const BAR_WIDTH = 40;

export interface Rate {
  label: string;
  perSecond: number;
}

export function barChart(rates: readonly Rate[], unit: string): string {
  const fastest = Math.max(...rates.map((rate) => rate.perSecond));
  const labelWidth = Math.max(...rates.map((rate) => rate.label.length));
  return rates
    .map((rate) => {
      const filled = Math.max(1, Math.round((rate.perSecond / fastest) * BAR_WIDTH));
      return `  ${rate.label.padEnd(labelWidth)} |${'#'.repeat(filled).padEnd(BAR_WIDTH)}| ${rate.perSecond.toFixed(0).padStart(7)} ${unit}/s`;
    })
    .join('\n');
}

export function target(label: string, measured: string, goal: string, met: boolean): string {
  return `  ${met ? 'MET    ' : 'NOT MET'}  ${label}: ${measured} (target ${goal})`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/** Timestamped progress, relative to the start of the bench. */
export function progress(start: number): (message: string) => void {
  return (message) => console.log(`  [${((performance.now() - start) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}
