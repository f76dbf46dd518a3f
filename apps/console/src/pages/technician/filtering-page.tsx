import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { Button, CheckboxField, FormRow, SelectField, TextInput } from '../../components/fields';
import { Loaded } from '../../components/loaded';
import { Page, Section } from '../../components/page';
import { TargetSelect, targetBody } from '../../components/pick-fields';
import { apiGet, apiPost, Page as ApiPage, query } from '../../lib/api';
import { usePacks } from '../../lib/queries';
import { t } from '../../i18n/i18n';

interface Policy {
  id: string;
  name: string;
  blockedCategories: string[];
  allowListOnly: boolean;
}
interface Source {
  level: string;
  policyName: string;
}
interface Effective {
  categories: Array<{ category: string; blocked: boolean; mandatory: boolean; explanation: string }>;
  domainRules: Array<{ domain: string; action: 'deny' | 'allow'; source: Source }>;
  allowListOnly: { value: boolean; source: Source | null };
  warnings: string[];
}
interface Check {
  allowed: boolean;
  category?: string;
  explanation: string;
}

const split = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

/** Filtering policies, the effective policy of a pack with the reason of each rule, and a URL tester. */
export function FilteringPage() {
  const client = useQueryClient();
  const policies = useQuery({
    queryKey: ['filtering-policies'],
    queryFn: ({ signal }) => apiGet<ApiPage<Policy>>(`/filtering-policies${query({ limit: 500 })}`, signal),
  });
  const categories = useQuery({
    queryKey: ['filtering-categories'],
    queryFn: ({ signal }) => apiGet<{ categories: Array<{ name: string }> }>('/filtering/categories', signal),
  });
  const packs = usePacks();
  const [form, setForm] = useState({
    name: '',
    blocked: [] as string[],
    denied: '',
    allowed: '',
    allowListOnly: false,
    safeSearch: true,
  });
  const create = useMutation({
    mutationFn: () =>
      apiPost<Policy>('/filtering-policies', {
        name: form.name.trim(),
        blockedCategories: form.blocked,
        allowedCategories: [],
        mandatoryCategories: [],
        deniedDomains: split(form.denied),
        allowedDomains: split(form.allowed),
        allowListOnly: form.allowListOnly,
        safeSearch: form.safeSearch,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['filtering-policies'] }),
  });
  const [assignment, setAssignment] = useState({ policyId: '', target: '' });
  const assign = useMutation({
    mutationFn: () => apiPost(`/filtering-policies/${assignment.policyId}/assignments`, targetBody(assignment.target)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['filtering-effective'] }),
  });
  const [packId, setPackId] = useState('');
  const effective = useQuery({
    queryKey: ['filtering-effective', packId],
    enabled: !!packId,
    queryFn: ({ signal }) => apiGet<Effective>(`/filtering/effective${query({ packId })}`, signal),
  });
  const [url, setUrl] = useState('');
  const check = useMutation({ mutationFn: () => apiGet<Check>(`/filtering/check${query({ packId, url })}`) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Page title={t('technician.filtering.title')}>
      <Loaded query={policies}>
        {(page) => (
          <DataTable
            caption={t('technician.filtering.caption', { count: page.items.length })}
            rows={page.items}
            rowKey={(policy) => policy.id}
            columns={[
              { header: t('technician.filtering.name'), cell: (policy) => policy.name },
              {
                header: t('technician.filtering.blocked'),
                cell: (policy) => policy.blockedCategories.join(', ') || '—',
              },
              {
                header: t('technician.filtering.allowListOnly'),
                cell: (policy) => (policy.allowListOnly ? t('common.yes') : t('common.no')),
              },
            ]}
          />
        )}
      </Loaded>
      <Section title={t('technician.filtering.new')} id="new-policy">
        <Form onSubmit={submit} className="stack">
          <TextInput
            label={t('technician.filtering.name')}
            name="name"
            required
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
          />
          <fieldset>
            <legend>{t('technician.filtering.blocked')}</legend>
            {(categories.data?.categories ?? []).length === 0 ? (
              <p className="muted">{t('technician.filtering.noLists')}</p>
            ) : null}
            <div className="checkbox-grid">
              {(categories.data?.categories ?? []).map((category) => (
                <CheckboxField
                  key={category.name}
                  label={category.name}
                  checked={form.blocked.includes(category.name)}
                  onChange={(checked) =>
                    setForm({
                      ...form,
                      blocked: checked
                        ? [...form.blocked, category.name]
                        : form.blocked.filter((name) => name !== category.name),
                    })
                  }
                />
              ))}
            </div>
          </fieldset>
          <FormRow>
            <TextInput
              label={t('technician.filtering.denied')}
              description={t('technician.filtering.domainsHelp')}
              name="denied"
              value={form.denied}
              onChange={(denied) => setForm({ ...form, denied })}
            />
            <TextInput
              label={t('technician.filtering.allowed')}
              description={t('technician.filtering.domainsHelp')}
              name="allowed"
              value={form.allowed}
              onChange={(allowed) => setForm({ ...form, allowed })}
            />
          </FormRow>
          <CheckboxField
            label={t('technician.filtering.allowListOnlyField')}
            checked={form.allowListOnly}
            onChange={(allowListOnly) => setForm({ ...form, allowListOnly })}
          />
          <CheckboxField
            label={t('technician.filtering.safeSearch')}
            checked={form.safeSearch}
            onChange={(safeSearch) => setForm({ ...form, safeSearch })}
          />
          <ErrorAlert error={create.error} />
          {create.isSuccess ? <SuccessAlert>{t('technician.filtering.created')}</SuccessAlert> : null}
          <Button type="submit" isDisabled={create.isPending}>
            {t('technician.filtering.create')}
          </Button>
        </Form>
      </Section>
      <Section title={t('technician.filtering.assignTitle')} id="assign-policy">
        <FormRow>
          <SelectField
            label={t('technician.filtering.policy')}
            name="policyId"
            value={assignment.policyId}
            placeholder={t('common.choose')}
            onChange={(policyId) => setAssignment({ ...assignment, policyId })}
            options={(policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: policy.name }))}
          />
          <TargetSelect value={assignment.target} onChange={(target) => setAssignment({ ...assignment, target })} />
        </FormRow>
        <Button
          onPress={() => assign.mutate()}
          isDisabled={!assignment.policyId || !assignment.target || assign.isPending}
        >
          {t('technician.filtering.assign')}
        </Button>
        {assign.isSuccess ? <SuccessAlert>{t('technician.filtering.assigned')}</SuccessAlert> : null}
        <ErrorAlert error={assign.error} />
      </Section>
      <Section title={t('technician.filtering.effectiveTitle')} id="effective">
        <SelectField
          label={t('technician.filtering.pack')}
          name="packId"
          value={packId}
          placeholder={t('common.choose')}
          onChange={setPackId}
          options={(packs.data?.items ?? []).map((pack) => ({ value: pack.id, label: pack.name }))}
        />
        {packId ? (
          <Loaded query={effective}>
            {(data) => (
              <>
                {data.warnings.map((warning) => (
                  <p key={warning} className="alert alert-warning">
                    {warning}
                  </p>
                ))}
                <p>
                  {data.allowListOnly.value
                    ? t('technician.filtering.allowListOnlyOn')
                    : t('technician.filtering.allowListOnlyOff')}
                </p>
                <DataTable
                  caption={t('technician.filtering.categoriesCaption', { count: data.categories.length })}
                  rows={data.categories}
                  rowKey={(row) => row.category}
                  columns={[
                    { header: t('technician.filtering.category'), cell: (row) => row.category },
                    {
                      header: t('technician.filtering.decision'),
                      cell: (row) =>
                        row.blocked ? t('technician.filtering.isBlocked') : t('technician.filtering.isAllowed'),
                    },
                    { header: t('technician.filtering.why'), cell: (row) => row.explanation },
                  ]}
                />
                <DataTable
                  caption={t('technician.filtering.domainsCaption', { count: data.domainRules.length })}
                  rows={data.domainRules}
                  rowKey={(row) => `${row.domain}-${row.action}`}
                  columns={[
                    { header: t('technician.filtering.domain'), cell: (row) => row.domain },
                    {
                      header: t('technician.filtering.decision'),
                      cell: (row) =>
                        row.action === 'deny'
                          ? t('technician.filtering.isBlocked')
                          : t('technician.filtering.isAllowed'),
                    },
                    {
                      header: t('technician.filtering.source'),
                      cell: (row) =>
                        t('technician.filtering.sourceText', {
                          level: t(`level.${row.source.level}`, { defaultValue: row.source.level }),
                          name: row.source.policyName,
                        }),
                    },
                  ]}
                />
                <Form
                  className="stack"
                  onSubmit={(event) => {
                    event.preventDefault();
                    check.mutate();
                  }}
                >
                  <TextInput
                    label={t('technician.filtering.url')}
                    name="url"
                    type="url"
                    required
                    value={url}
                    onChange={setUrl}
                  />
                  <Button type="submit" isDisabled={check.isPending}>
                    {t('technician.filtering.check')}
                  </Button>
                </Form>
                <ErrorAlert error={check.error} />
                {check.data ? (
                  <div className={`alert ${check.data.allowed ? 'alert-success' : 'alert-warning'}`} role="status">
                    <p>
                      <strong>
                        {check.data.allowed
                          ? t('technician.filtering.urlAllowed')
                          : t('technician.filtering.urlBlocked')}
                      </strong>
                    </p>
                    <p>{check.data.explanation}</p>
                  </div>
                ) : null}
              </>
            )}
          </Loaded>
        ) : null}
      </Section>
    </Page>
  );
}
