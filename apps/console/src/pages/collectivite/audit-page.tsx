import { FormEvent, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { Button, FormRow, SelectField, TextInput } from '../../components/fields';
import { Page } from '../../components/page';
import { apiGet, Page as ApiPage, query } from '../../lib/api';
import { formatDateTime, fromParisInputs } from '../../lib/format';
import { t } from '../../i18n/i18n';

interface AuditItem {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
}

const ENTITIES = [
  'device',
  'pack',
  'school',
  'class_session',
  'profile',
  'filtering_policy',
  'cart',
  'reprise',
  'user',
];

/** Every change, newest first: who, what, when; filtered by kind of record, action and period. */
export function AuditPage() {
  const [draft, setDraft] = useState({ entity: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState(draft);
  const params = {
    entity: filters.entity,
    action: filters.action,
    from: filters.from ? fromParisInputs(filters.from, '00:00')?.toISOString() : undefined,
    to: filters.to ? fromParisInputs(filters.to, '23:59')?.toISOString() : undefined,
  };
  const log = useInfiniteQuery({
    queryKey: ['audit-log', params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet<ApiPage<AuditItem>>(`/audit-log${query({ ...params, cursor: pageParam, limit: 50 })}`, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  return (
    <Page title={t('collectivite.audit.title')}>
      <Form onSubmit={submit} className="stack">
        <FormRow>
          <SelectField
            label={t('collectivite.audit.entity')}
            name="entity"
            value={draft.entity}
            placeholder={t('common.all')}
            onChange={(entity) => setDraft({ ...draft, entity })}
            options={ENTITIES.map((entity) => ({ value: entity, label: t(`entity.${entity}`) }))}
          />
          <TextInput
            label={t('collectivite.audit.action')}
            description={t('collectivite.audit.actionHelp')}
            name="action"
            value={draft.action}
            onChange={(action) => setDraft({ ...draft, action })}
          />
          <TextInput
            label={t('collectivite.audit.from')}
            name="from"
            type="date"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <TextInput
            label={t('collectivite.audit.to')}
            name="to"
            type="date"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
          />
        </FormRow>
        <Button type="submit">{t('collectivite.audit.filter')}</Button>
      </Form>
      <ErrorAlert error={log.error} />
      <DataTable
        caption={t('collectivite.audit.caption', { count: rows.length })}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: t('audit.when'), cell: (row) => formatDateTime(row.occurredAt) },
          {
            header: t('audit.who'),
            cell: (row) => row.actorEmail ?? t(`roles.${row.actorRole}`, { defaultValue: row.actorRole }),
          },
          { header: t('audit.action'), cell: (row) => t(`auditAction.${row.action}`, { defaultValue: row.action }) },
          {
            header: t('collectivite.audit.entity'),
            cell: (row) => t(`entity.${row.entityType}`, { defaultValue: row.entityType }),
          },
          { header: t('collectivite.audit.requestId'), cell: (row) => <code>{row.requestId ?? '—'}</code> },
        ]}
      />
      {log.hasNextPage ? (
        <Button variant="secondary" onPress={() => void log.fetchNextPage()} isDisabled={log.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      ) : null}
    </Page>
  );
}
