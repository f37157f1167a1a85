import { type ComponentType, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout } from './routes/console/console-layout';
import { ConsoleRoot } from './routes/console/console-root';
import { FanLayout } from './routes/fan/fan-layout';
import { NotFoundPage } from './routes/not-found';

/** Each page is its own chunk; layouts show a spinner (Suspense) while one loads. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = lazyPage(() => import('./routes/fan/home'), 'HomePage');
const SignupPage = lazyPage(() => import('./routes/fan/signup'), 'SignupPage');
const LoginPage = lazyPage(() => import('./routes/fan/login'), 'LoginPage');
const MePage = lazyPage(() => import('./routes/fan/me'), 'MePage');
const ArticlesFeedPage = lazyPage(() => import('./routes/fan/articles'), 'ArticlesFeedPage');
const ArticlePage = lazyPage(() => import('./routes/fan/article'), 'ArticlePage');
const MembershipPage = lazyPage(() => import('./routes/fan/membership'), 'MembershipPage');
const SetupPage = lazyPage(() => import('./routes/console/setup'), 'SetupPage');
const ConsoleLoginPage = lazyPage(() => import('./routes/console/login'), 'ConsoleLoginPage');
const InvitePage = lazyPage(() => import('./routes/console/invite'), 'InvitePage');
const FansPage = lazyPage(() => import('./routes/console/fans'), 'FansPage');
const FanPage = lazyPage(() => import('./routes/console/fan'), 'FanPage');
const ArticlesPage = lazyPage(() => import('./routes/console/articles'), 'ArticlesPage');
const ArticleEditorPage = lazyPage(() => import('./routes/console/article'), 'ArticleEditorPage');
const AnalyticsPage = lazyPage(() => import('./routes/console/analytics'), 'AnalyticsPage');
const SegmentsPage = lazyPage(() => import('./routes/console/segments'), 'SegmentsPage');
const SegmentPage = lazyPage(() => import('./routes/console/segment'), 'SegmentPage');
const SuperFansPage = lazyPage(() => import('./routes/console/super-fans'), 'SuperFansPage');
const StaffPage = lazyPage(() => import('./routes/console/staff'), 'StaffPage');
const TokensPage = lazyPage(() => import('./routes/console/tokens'), 'TokensPage');
const PaymentsPage = lazyPage(() => import('./routes/console/payments'), 'PaymentsPage');
const LedgerPage = lazyPage(() => import('./routes/console/ledger'), 'LedgerPage');
const RevenuePage = lazyPage(() => import('./routes/console/revenue'), 'RevenuePage');
const MembershipsPage = lazyPage(() => import('./routes/console/memberships'), 'MembershipsPage');
const SettingsPage = lazyPage(() => import('./routes/console/settings'), 'SettingsPage');
const StorePage = lazyPage(() => import('./routes/console/store'), 'StorePage');
const ProductEditorPage = lazyPage(() => import('./routes/console/product'), 'ProductEditorPage');
const FestivalsPage = lazyPage(() => import('./routes/console/festivals'), 'FestivalsPage');
const FestivalEditorPage = lazyPage(() => import('./routes/console/festival'), 'FestivalEditorPage');
const FestivalBoardPage = lazyPage(() => import('./routes/console/festival-board'), 'FestivalBoardPage');
const FestivalReportPage = lazyPage(() => import('./routes/console/festival-report'), 'FestivalReportPage');
const FestivalPage = lazyPage(() => import('./routes/fan/festival'), 'FestivalPage');
const StoreShelfPage = lazyPage(() => import('./routes/fan/store'), 'StoreShelfPage');
const StoreProductPage = lazyPage(() => import('./routes/fan/store-product'), 'StoreProductPage');
const CartPage = lazyPage(() => import('./routes/fan/cart'), 'CartPage');
const CheckoutPage = lazyPage(() => import('./routes/fan/checkout'), 'CheckoutPage');
const MyOrdersPage = lazyPage(() => import('./routes/fan/orders'), 'MyOrdersPage');
const MyOrderPage = lazyPage(() => import('./routes/fan/order'), 'MyOrderPage');
const OrdersPage = lazyPage(() => import('./routes/console/orders'), 'OrdersPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<FanLayout />}>
        <Route index element={<HomePage />} />
        <Route path="signup" element={<SignupPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="articles" element={<ArticlesFeedPage />} />
        <Route path="articles/:id" element={<ArticlePage />} />
        <Route path="membership" element={<MembershipPage />} />
        <Route path="store" element={<StoreShelfPage />} />
        <Route path="store/:slug" element={<StoreProductPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="orders" element={<MyOrdersPage />} />
        <Route path="orders/:id" element={<MyOrderPage />} />
        <Route path="festivals/:slug" element={<FestivalPage />} />
        <Route path="*" element={<NotFoundPage home="/" />} />
      </Route>

      <Route path="console" element={<ConsoleRoot />}>
        <Route path="setup" element={<SetupPage />} />
        <Route path="login" element={<ConsoleLoginPage />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route element={<ConsoleLayout />}>
          <Route index element={<Navigate to="fans" replace />} />
          <Route path="fans" element={<FansPage />} />
          <Route path="fans/:id" element={<FanPage />} />
          <Route path="articles" element={<ArticlesPage />} />
          <Route path="articles/new" element={<ArticleEditorPage />} />
          <Route path="articles/:id" element={<ArticleEditorPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/:id" element={<SegmentPage />} />
          <Route path="super-fans" element={<SuperFansPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="ledger" element={<LedgerPage />} />
          <Route path="revenue" element={<RevenuePage />} />
          <Route path="memberships" element={<MembershipsPage />} />
          <Route path="store" element={<StorePage />} />
          <Route path="store/products/new" element={<ProductEditorPage />} />
          <Route path="store/products/:id" element={<ProductEditorPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="festivals" element={<FestivalsPage />} />
          <Route path="festivals/new" element={<FestivalEditorPage />} />
          <Route path="festivals/:id" element={<FestivalEditorPage />} />
          <Route path="festivals/:id/board" element={<FestivalBoardPage />} />
          <Route path="festivals/:id/report" element={<FestivalReportPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage home="/console/fans" />} />
        </Route>
      </Route>
    </Routes>
  );
}
