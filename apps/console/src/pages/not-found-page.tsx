import { Link } from 'react-router';
import { Page } from '../components/page';
import { useAuth } from '../lib/auth';
import { homeOf } from '../lib/roles';
import { t } from '../i18n/i18n';

export function NotFoundPage() {
  const { me } = useAuth();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <Link to={homeOf(me?.role)}>{t('forbidden.home')}</Link>
    </Page>
  );
}
