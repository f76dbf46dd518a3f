import { useId, useState } from 'react';
import { ProgressBar, Label } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { uploadCsv } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { formatBytes, formatNumber } from '../../lib/format';
import { t } from '../../i18n/i18n';

interface ImportResult {
  created: number;
  updated: number;
  errors: Array<{ line: number; code: string; message: string }>;
}

const COLUMNS = 'serialNumber,model,osFamily,deviceKind,purchaseDate,warrantyEnd,supplier,maintenanceMode,refurbished';

/** A supplier's delivery (CSV): upload progress, then what was created or updated and each refused line with its reason. */
export function ImportPage() {
  const inputId = useId();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function send() {
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const answer = await uploadCsv<ImportResult>('/devices/import', file, setProgress);
      setProgress(1);
      setResult(answer);
      await client.invalidateQueries({ queryKey: ['devices'] });
    } catch (caught) {
      setError(caught);
      // A refused file (422 IMPORT_REJECTED) still says line by line what to fix.
      const lines = caught instanceof ApiError ? caught.details.errors : undefined;
      if (Array.isArray(lines)) {
        setProgress(1);
        setResult({ created: 0, updated: 0, errors: lines as ImportResult['errors'] });
      } else setProgress(null);
    }
  }

  return (
    <Page title={t('technician.import.title')}>
      <Section title={t('technician.import.fileTitle')} id="import-file">
        <p>{t('technician.import.help')}</p>
        <p>
          <code className="wrap">{COLUMNS}</code>
        </p>
        <div className="field">
          <label htmlFor={inputId}>{t('technician.import.file')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
              setProgress(null);
            }}
          />
          {file ? (
            <span className="muted">
              {t('technician.import.chosen', { name: file.name, size: formatBytes(file.size) })}
            </span>
          ) : null}
        </div>
        <Button onPress={() => void send()} isDisabled={!file || (progress !== null && progress < 1 && !result)}>
          {t('technician.import.send')}
        </Button>
        {progress !== null ? (
          <ProgressBar className="progress" value={progress * 100} aria-label={t('technician.import.progress')}>
            {({ percentage, valueText }) => (
              <>
                <Label>
                  {result
                    ? t('technician.import.done')
                    : progress >= 1
                      ? t('technician.import.processing')
                      : t('technician.import.uploading')}
                </Label>
                <span className="progress-value">{valueText}</span>
                <div className="progress-track">
                  <div className="progress-fill" style={{ width: `${percentage}%` }} />
                </div>
              </>
            )}
          </ProgressBar>
        ) : null}
        <ErrorAlert error={error} />
      </Section>
      {result ? (
        <Section title={t('technician.import.resultTitle')} id="import-result">
          {result.errors.length ? null : (
            <SuccessAlert>
              {t('technician.import.summary', {
                created: formatNumber(result.created),
                updated: formatNumber(result.updated),
                count: result.errors.length,
                refused: formatNumber(result.errors.length),
              })}
            </SuccessAlert>
          )}
          {result.errors.length ? (
            <DataTable
              caption={t('technician.import.errorsCaption', { count: result.errors.length })}
              rows={result.errors}
              rowKey={(row) => `${row.line}-${row.code}`}
              columns={[
                { header: t('technician.import.line'), cell: (row) => formatNumber(row.line), numeric: true },
                { header: t('technician.import.problem'), cell: (row) => row.message },
              ]}
            />
          ) : null}
        </Section>
      ) : null}
    </Page>
  );
}
