import { ReactNode, useState } from 'react';
import { downloadFile } from '../lib/api';
import { t } from '../i18n/i18n';
import { ErrorAlert } from './error-alert';
import { Button } from './fields';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  numeric?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  /** The API's CSV of the same table (`;`, UTF-8 with BOM). */
  csv?: { path: string; filename: string; label?: string };
  empty?: string;
}

/** A captioned table that scrolls sideways on a phone, with the table's CSV export when the API has one. */
export function DataTable<T>({ caption, columns, rows, rowKey, csv, empty }: DataTableProps<T>) {
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="table-block">
      {csv ? (
        <div className="table-tools">
          <Button
            variant="secondary"
            onPress={() => {
              setError(null);
              downloadFile(csv.path, csv.filename).catch(setError);
            }}
          >
            {csv.label ?? t('common.exportCsv', { what: caption })}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {/* Focusable so that keyboard users can scroll a wide table. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty ?? t('common.empty')}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
