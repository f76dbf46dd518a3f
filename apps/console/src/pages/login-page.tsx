import { FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Form } from 'react-aria-components';
import { ErrorAlert } from '../components/error-alert';
import { Button, TextInput } from '../components/fields';
import { Page } from '../components/page';
import { useAuth } from '../lib/auth';
import { homeOf } from '../lib/roles';
import { t } from '../i18n/i18n';

export function LoginPage() {
  const { me, login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to={homeOf(me.role)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(email.trim(), password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/connexion' ? from : homeOf(user.role), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="contenu" className="login" tabIndex={-1}>
      <Page title={t('login.title')}>
        <p>{t('login.intro')}</p>
        {expired ? (
          <div className="alert alert-info" role="status">
            {t('login.expired')}
          </div>
        ) : null}
        <ErrorAlert error={error} />
        <Form onSubmit={submit} className="stack">
          <TextInput
            label={t('login.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <TextInput
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <Button type="submit" isDisabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
        </Form>
      </Page>
    </main>
  );
}
