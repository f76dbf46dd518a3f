import { formatSummaryTable } from './summary-table';

describe('formatSummaryTable', () => {
  it('lists enrollment refusals by code', () => {
    const table = formatSummaryTable({
      requested: 20,
      enrolled: 15,
      enrollFailuresByCode: { PACK_FULL: 5 },
      checkins: 45,
      checkinFailuresByCode: {},
      commandResults: { acknowledged: 3, error: 0, not_now: 1 },
    });
    expect(table).toMatch(/^\| enrolled +\| 15 \|$/m);
    expect(table).toMatch(/^\| enrollment failed: PACK_FULL \| {2}5 \|$/m);
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });
});
