import { BrowserRouter } from 'react-router';
import { AppProvider } from './provider';
import { AppRoutes } from './router';
import { NavigationBridge } from './navigation-bridge';

export function AppRoot() {
  return (
    <AppProvider>
      <BrowserRouter>
        <NavigationBridge />
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
