import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../lib/auth';
import { Area, areasOf } from '../lib/roles';
import { t } from '../i18n/i18n';
import { Button } from './fields';

const NAV: Record<Area, Array<{ to: string; label: string; end?: boolean }>> = {
  teacher: [
    { to: '/enseignant', label: 'nav.teacher.slots', end: true },
    { to: '/enseignant/reserver', label: 'nav.teacher.book' },
  ],
  technician: [
    { to: '/technicien', label: 'nav.technician.schools', end: true },
    { to: '/technicien/packs', label: 'nav.technician.packs' },
    { to: '/technicien/chariots', label: 'nav.technician.carts' },
    { to: '/technicien/import', label: 'nav.technician.import' },
    { to: '/technicien/appareils', label: 'nav.technician.devices' },
    { to: '/technicien/applications', label: 'nav.technician.apps' },
    { to: '/technicien/profils', label: 'nav.technician.profiles' },
    { to: '/technicien/filtrage', label: 'nav.technician.filtering' },
    { to: '/technicien/notifications', label: 'nav.technician.notifications' },
  ],
  collectivite: [
    { to: '/collectivite', label: 'nav.collectivite.dashboard', end: true },
    { to: '/collectivite/socle', label: 'nav.collectivite.socle' },
    { to: '/collectivite/renouvellement', label: 'nav.collectivite.renewal' },
    { to: '/collectivite/reprises', label: 'nav.collectivite.reprises' },
    { to: '/collectivite/journal', label: 'nav.collectivite.audit' },
    { to: '/collectivite/comptes', label: 'nav.collectivite.accounts' },
  ],
  operator: [{ to: '/operateur', label: 'nav.operator.collectivites', end: true }],
};

/** Skip link, the role's own menu, and the page. */
export function Layout() {
  const { me, logout } = useAuth();
  const location = useLocation();
  if (!me) return <Navigate to="/connexion" replace state={{ from: location.pathname }} />;
  const areas = areasOf(me.role);
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t(`roles.${me.role}`, { defaultValue: me.role })}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {areas.flatMap((area) =>
              NAV[area].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              )),
            )}
          </ul>
        </nav>
        <div className="account">
          <span className="muted">{me.email}</span>
          <Button variant="secondary" onPress={() => void logout()}>
            {t('app.logout')}
          </Button>
        </div>
      </header>
      <main id="contenu" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
