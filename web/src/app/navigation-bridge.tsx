import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { CONSOLE_LOGIN_PATH, setUnauthorizedHandler } from '../lib/api-client';

/** Makes the api-client's "console session expired" redirect a client-side navigation. */
export function NavigationBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler((returnTo) => {
      void navigate(`${CONSOLE_LOGIN_PATH}?next=${encodeURIComponent(returnTo)}`, { replace: true });
    });
  }, [navigate]);
  return null;
}
