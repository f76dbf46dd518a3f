import { ReactNode } from 'react';
import { UseQueryResult } from '@tanstack/react-query';
import { t } from '../i18n/i18n';
import { ErrorAlert } from './error-alert';

/** A query's three faces: loading (announced politely), its French error, or the content. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending)
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <>{children(query.data)}</>;
}
