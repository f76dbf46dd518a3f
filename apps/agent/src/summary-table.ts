import type { FleetSummary } from './fleet-summary';

/** A plain two-column table, readable in a terminal and in CI logs alike. */
export function formatSummaryTable(summary: FleetSummary): string {
  const rows: [string, string][] = [
    ['devices requested', String(summary.requested)],
    ['enrolled', String(summary.enrolled)],
    ...breakdown('enrollment failed', summary.enrollFailuresByCode),
    ['check-ins', String(summary.checkins)],
    ...breakdown('check-in failed', summary.checkinFailuresByCode),
    ['commands acknowledged', String(summary.commandResults.acknowledged)],
    ['commands in error', String(summary.commandResults.error)],
    ['commands deferred (not_now)', String(summary.commandResults.not_now)],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const rule = `+${'-'.repeat(labelWidth + 2)}+${'-'.repeat(valueWidth + 2)}+`;
  const lines = rows.map(([label, value]) => `| ${label.padEnd(labelWidth)} | ${value.padStart(valueWidth)} |`);
  return [rule, ...lines, rule].join('\n');
}

function breakdown(label: string, counts: Record<string, number>): [string, string][] {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => [`${label}: ${code}`, String(count)]);
}
