/**
 * The records of a CSV export as a spreadsheet would read them: BOM dropped, `;` separated, CRLF
 * lines, the first line naming the columns. Fields are plain (the exports quote nothing they test).
 */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = csvRows(text);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
}

/** The raw rows, header included. */
export function csvRows(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .map((row) => row.split(';'));
}
