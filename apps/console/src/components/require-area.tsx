import { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuth } from '../lib/auth';
import { Area, areasOf, homeOf } from '../lib/roles';
import { t } from '../i18n/i18n';
import { Page } from './page';

/** A page of another role's area says so (the API would refuse its data anyway) and offers the way home. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) return <Navigate to="/connexion" replace state={{ from: location.pathname }} />;
  if (!areasOf(me.role).includes(area))
    return (
      <Page title={t('forbidden.title')}>
        <div className="alert alert-error" role="alert">
          <p>{t(`forbidden.${area}`)}</p>
        </div>
        <p>
          <Link to={homeOf(me.role)}>{t('forbidden.home')}</Link>
        </p>
      </Page>
    );
  return <>{children}</>;
}
