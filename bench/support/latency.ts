/** Latencies of one phase, kept as a sorted array: a bench phase records at most a few hundred thousand. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(milliseconds: number): void {
    this.samples.push(milliseconds);
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(fraction: number): number {
    if (!this.samples.length) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  }
}
