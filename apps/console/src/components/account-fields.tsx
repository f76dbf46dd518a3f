import { TextInput } from './fields';
import { t } from '../i18n/i18n';

export interface AccountDraft {
  email: string;
  password: string;
}

/** E-mail and provisional password of a new account (collectivité accounts, a collectivité's first admin). */
export function AccountFields<T extends AccountDraft>({
  value,
  onChange,
}: {
  value: T;
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <>
      <TextInput
        label={t('collectivite.accounts.email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        value={value.email}
        onChange={(email) => onChange({ ...value, email })}
      />
      <TextInput
        label={t('collectivite.accounts.password')}
        description={t('collectivite.accounts.passwordHelp')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
      />
    </>
  );
}
