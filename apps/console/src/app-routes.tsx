import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/layout';
import { RequireArea } from './components/require-area';
import { useAuth } from './lib/auth';
import { homeOf } from './lib/roles';
import { t } from './i18n/i18n';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { BookPage } from './pages/teacher/book-page';
import { MySlotsPage } from './pages/teacher/my-slots-page';
import { SessionPage } from './pages/teacher/session-page';
import { SchoolsPage } from './pages/technician/schools-page';
import { SchoolPage } from './pages/technician/school-page';
import { PacksPage } from './pages/technician/packs-page';
import { PackPage } from './pages/technician/pack-page';
import { EnrollmentSheetPage } from './pages/technician/enrollment-sheet-page';
import { CartsPage } from './pages/technician/carts-page';
import { CartPage } from './pages/technician/cart-page';
import { ImportPage } from './pages/technician/import-page';
import { DevicesPage } from './pages/technician/devices-page';
import { DevicePage } from './pages/technician/device-page';
import { AppsPage } from './pages/technician/apps-page';
import { ProfilesPage } from './pages/technician/profiles-page';
import { ProfilePage } from './pages/technician/profile-page';
import { FilteringPage } from './pages/technician/filtering-page';
import { NotificationsPage } from './pages/technician/notifications-page';
import { SoclePage } from './pages/collectivite/socle-page';
import { ReprisesPage } from './pages/collectivite/reprises-page';
import { AuditPage } from './pages/collectivite/audit-page';
import { AccountsPage } from './pages/collectivite/accounts-page';
import { CollectivitesPage } from './pages/operator/collectivites-page';

// The charting library only loads with the pages that draw charts: a teacher's phone never downloads it.
const DashboardPage = lazy(() =>
  import('./pages/collectivite/dashboard-page').then((module) => ({ default: module.DashboardPage })),
);
const RenewalPage = lazy(() =>
  import('./pages/collectivite/renewal-page').then((module) => ({ default: module.RenewalPage })),
);

function Home() {
  const { me } = useAuth();
  return <Navigate to={me ? homeOf(me.role) : '/connexion'} replace />;
}

/** Every page, grouped by the role's area; a page of another area answers "réservée" (and the API refuses its data). */
export function AppRoutes() {
  const { ready } = useAuth();
  if (!ready)
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  return (
    <Suspense
      fallback={
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      }
    >
      <Routes>
        <Route path="/connexion" element={<LoginPage />} />
        <Route
          path="/technicien/packs/:id/fiche"
          element={
            <RequireArea area="technician">
              <EnrollmentSheetPage />
            </RequireArea>
          }
        />
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="enseignant">
            <Route
              index
              element={
                <RequireArea area="teacher">
                  <MySlotsPage />
                </RequireArea>
              }
            />
            <Route
              path="reserver"
              element={
                <RequireArea area="teacher">
                  <BookPage />
                </RequireArea>
              }
            />
            <Route
              path="seances/:id"
              element={
                <RequireArea area="teacher">
                  <SessionPage />
                </RequireArea>
              }
            />
          </Route>
          <Route path="technicien">
            <Route
              index
              element={
                <RequireArea area="technician">
                  <SchoolsPage />
                </RequireArea>
              }
            />
            <Route
              path="ecoles/:id"
              element={
                <RequireArea area="technician">
                  <SchoolPage />
                </RequireArea>
              }
            />
            <Route
              path="packs"
              element={
                <RequireArea area="technician">
                  <PacksPage />
                </RequireArea>
              }
            />
            <Route
              path="packs/:id"
              element={
                <RequireArea area="technician">
                  <PackPage />
                </RequireArea>
              }
            />
            <Route
              path="chariots"
              element={
                <RequireArea area="technician">
                  <CartsPage />
                </RequireArea>
              }
            />
            <Route
              path="chariots/:id"
              element={
                <RequireArea area="technician">
                  <CartPage />
                </RequireArea>
              }
            />
            <Route
              path="import"
              element={
                <RequireArea area="technician">
                  <ImportPage />
                </RequireArea>
              }
            />
            <Route
              path="appareils"
              element={
                <RequireArea area="technician">
                  <DevicesPage />
                </RequireArea>
              }
            />
            <Route
              path="appareils/:id"
              element={
                <RequireArea area="technician">
                  <DevicePage />
                </RequireArea>
              }
            />
            <Route
              path="applications"
              element={
                <RequireArea area="technician">
                  <AppsPage />
                </RequireArea>
              }
            />
            <Route
              path="profils"
              element={
                <RequireArea area="technician">
                  <ProfilesPage />
                </RequireArea>
              }
            />
            <Route
              path="profils/:id"
              element={
                <RequireArea area="technician">
                  <ProfilePage />
                </RequireArea>
              }
            />
            <Route
              path="filtrage"
              element={
                <RequireArea area="technician">
                  <FilteringPage />
                </RequireArea>
              }
            />
            <Route
              path="notifications"
              element={
                <RequireArea area="technician">
                  <NotificationsPage />
                </RequireArea>
              }
            />
          </Route>
          <Route path="collectivite">
            <Route
              index
              element={
                <RequireArea area="collectivite">
                  <DashboardPage />
                </RequireArea>
              }
            />
            <Route
              path="socle"
              element={
                <RequireArea area="collectivite">
                  <SoclePage />
                </RequireArea>
              }
            />
            <Route
              path="renouvellement"
              element={
                <RequireArea area="collectivite">
                  <RenewalPage />
                </RequireArea>
              }
            />
            <Route
              path="reprises"
              element={
                <RequireArea area="collectivite">
                  <ReprisesPage />
                </RequireArea>
              }
            />
            <Route
              path="journal"
              element={
                <RequireArea area="collectivite">
                  <AuditPage />
                </RequireArea>
              }
            />
            <Route
              path="comptes"
              element={
                <RequireArea area="collectivite">
                  <AccountsPage />
                </RequireArea>
              }
            />
          </Route>
          <Route
            path="operateur"
            element={
              <RequireArea area="operator">
                <CollectivitesPage />
              </RequireArea>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
