import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useSetupStatus } from '../../../features/staff/api/get-setup-status';

const SETUP_PATH = '/console/setup';

/**
 * Entry to the console: a fresh install goes to the owner setup first; once set up, the setup
 * page is closed and the rest of the console decides between log-in and the app.
 */
export function ConsoleRoot() {
  const location = useLocation();
  const setup = useSetupStatus();
  const onSetupPage = location.pathname.replace(/\/+$/, '') === SETUP_PATH;

  if (setup.isPending) return <PageLoader fullScreen />;
  if (setup.isError) return <ErrorResult error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needsSetup && !onSetupPage) return <Navigate to={SETUP_PATH} replace />;
  if (!setup.data.needsSetup && onSetupPage) return <Navigate to="/console" replace />;

  return (
    <Suspense fallback={<PageLoader fullScreen />}>
      <Outlet />
    </Suspense>
  );
}
