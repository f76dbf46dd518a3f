import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { ErrorAlert, SuccessAlert } from '../../components/error-alert';
import { AccountFields } from '../../components/account-fields';
import { Button, CheckboxField, FormRow, SelectField } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { useAuth } from '../../lib/auth';
import { useSchools } from '../../lib/queries';
import { useCreate } from '../../lib/use-create';
import { t } from '../../i18n/i18n';

const ROLES = ['technician', 'teacher', 'collectivite_admin'];

/** The collectivité's accounts: technicians, teachers (with their schools) and other administrators. */
export function AccountsPage() {
  const { me } = useAuth();
  const schools = useSchools();
  const create = useCreate<{ email: string }>(`/collectivites/${me?.collectiviteId}/users`, ['users']);
  const [form, setForm] = useState({ email: '', password: '', role: 'teacher', schoolIds: [] as string[] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        ...(form.role === 'teacher' ? { schoolIds: form.schoolIds } : {}),
      },
      { onSuccess: () => setForm({ ...form, email: '', password: '' }) },
    );
  };
  return (
    <Page title={t('collectivite.accounts.title')}>
      <Section title={t('collectivite.accounts.new')} id="new-account">
        <Form onSubmit={submit} className="stack">
          <FormRow>
            <AccountFields value={form} onChange={setForm} />
            <SelectField
              label={t('collectivite.accounts.role')}
              name="role"
              value={form.role}
              onChange={(role) => setForm({ ...form, role })}
              options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
          </FormRow>
          {form.role === 'teacher' ? (
            <fieldset>
              <legend>{t('collectivite.accounts.schools')}</legend>
              {(schools.data?.items ?? []).map((school) => (
                <CheckboxField
                  key={school.id}
                  label={school.name}
                  checked={form.schoolIds.includes(school.id)}
                  onChange={(checked) =>
                    setForm({
                      ...form,
                      schoolIds: checked
                        ? [...form.schoolIds, school.id]
                        : form.schoolIds.filter((id) => id !== school.id),
                    })
                  }
                />
              ))}
            </fieldset>
          ) : null}
          <ErrorAlert error={create.error} />
          {create.isSuccess ? (
            <SuccessAlert>{t('collectivite.accounts.created', { email: create.data.email })}</SuccessAlert>
          ) : null}
          <Button type="submit" isDisabled={create.isPending || !me?.collectiviteId}>
            {t('collectivite.accounts.create')}
          </Button>
        </Form>
      </Section>
    </Page>
  );
}
