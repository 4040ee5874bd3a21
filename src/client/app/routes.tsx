import type { ComponentType } from 'preact';
import { ErrorBoundary, Route, Router, lazy, useLocation } from 'preact-iso';
import { useSession, useUser } from '../auth/SessionProvider';
import { AlumniScreen } from '../features/alumni/AlumniScreen';
import { AlumnusScreen } from '../features/alumnus/AlumnusScreen';
import { NotAllowedScreen } from '../features/not-found/NotAllowedScreen';
import { NotFoundScreen } from '../features/not-found/NotFoundScreen';
import { WorklistScreen } from '../features/worklist/WorklistScreen';
import { homeOf, isDestinationOf } from './destinations';
import { Redirect } from './Redirect';

// Screens only some roles open load on demand, each in its own chunk, to keep the
// first load small for officers on weak signal. The service worker precaches them all,
// so they still open offline.
const CohortsScreen = lazy(() => import('../features/cohorts/CohortsScreen').then((m) => m.CohortsScreen));
const CohortFormScreen = lazy(() => import('../features/cohorts/CohortFormScreen').then((m) => m.CohortFormScreen));
const CohortScreen = lazy(() => import('../features/cohorts/CohortPage').then((m) => m.CohortPage));
// Sign-in too: a signed-in officer opening the app offline never needs it, and its
// form is worth more than a kilobyte of the first download's budget.
const LoginScreen = lazy(() => import('../features/login/LoginScreen').then((m) => m.LoginScreen));
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => m.ImportScreen));
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((m) => m.ReportsScreen));
const AdminScreen = lazy(() => import('../features/admin/AdminScreen').then((m) => m.AdminScreen));
const AccountScreen = lazy(() => import('../features/account/AccountScreen').then((m) => m.AccountScreen));
const FollowUpScreen = lazy(() => import('../features/follow-up/FollowUpPage').then((m) => m.FollowUpPage));

/**
 * A screen for the roles whose navigation leads there; another role gets a plain "not
 * for your role" page rather than a screen the server would refuse piece by piece.
 * Made once per screen, at module level, so routing never remounts it.
 */
function forTheirRole(Screen: ComponentType): ComponentType {
  return function RoleGuard() {
    const user = useUser();
    const { path } = useLocation();
    return isDestinationOf(user, path) ? <Screen /> : <NotAllowedScreen />;
  };
}

const Alumni = forTheirRole(AlumniScreen);
const Alumnus = forTheirRole(AlumnusScreen);
// Within /alumni for every role that reads alumni; the page itself lets only the roles
// that write follow-ups (officers, provider staff for their own alumni) log one.
const LogFollowUp = forTheirRole(FollowUpScreen);
const Cohorts = forTheirRole(CohortsScreen);
// The form and the page are read by every role the list is; the screens offer writing only to those allowed.
const CohortForm = forTheirRole(CohortFormScreen);
const Cohort = forTheirRole(CohortScreen);
const Import = forTheirRole(ImportScreen);
const Reports = forTheirRole(ReportsScreen);
const Admin = forTheirRole(AdminScreen);

/** `/` is the officer's worklist; everyone else's home is elsewhere. */
function Home() {
  const user = useUser();
  return user.role === 'officer' ? <WorklistScreen /> : <Redirect to={homeOf(user.role)} />;
}

/** Signed in: on to the role's home. Expired: sign in again. */
function SignInAgain() {
  const session = useSession();
  return session.status === 'signed-in' ? <Redirect to={homeOf(session.user.role)} /> : <LoginScreen />;
}

/** The routes of a signed-in (or expired) user. */
export function Routes() {
  const session = useSession();
  const { path } = useLocation();
  // The server opens nothing else until a password someone else chose is changed.
  if (session.status === 'signed-in' && session.mustChangePassword && path !== '/account') return <Redirect to="/account" />;
  return (
    <ErrorBoundary>
      <Router>
        <Route path="/" component={Home} />
        <Route path="/alumni" component={Alumni} />
        <Route path="/alumni/:id" component={Alumnus} />
        <Route path="/alumni/:id/follow-up" component={LogFollowUp} />
        <Route path="/cohorts" component={Cohorts} />
        <Route path="/cohorts/new" component={CohortForm} />
        <Route path="/cohorts/:id/edit" component={CohortForm} />
        <Route path="/cohorts/:id" component={Cohort} />
        <Route path="/import" component={Import} />
        <Route path="/reports" component={Reports} />
        <Route path="/admin" component={Admin} />
        <Route path="/admin/providers" component={Admin} />
        <Route path="/admin/vocations" component={Admin} />
        <Route path="/admin/area" component={Admin} />
        <Route path="/account" component={AccountScreen} />
        <Route path="/login" component={SignInAgain} />
        <Route default component={NotFoundScreen} />
      </Router>
    </ErrorBoundary>
  );
}

/** Signed out, every address leads to the sign-in screen. */
export function SignedOutRoutes() {
  const { path } = useLocation();
  return path === '/login' ? (
    <ErrorBoundary>
      <LoginScreen />
    </ErrorBoundary>
  ) : (
    <Redirect to="/login" />
  );
}
