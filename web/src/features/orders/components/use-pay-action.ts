import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Checkout } from '../types';

type WeixinBridge = { invoke(name: string, params: object, callback: (res: { err_msg: string }) => void): void };

/** The sandbox's hosted page speaks the site's language when told. */
function payUrl(url: string, language: string): string {
  if (!url.includes('/sandbox/pay/')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language.startsWith('zh') ? 'zh' : 'en'}`;
}

/** Where the fan waits for an order's payment; `qr` keeps WeChat's code on screen there. */
export const orderPath = (id: string) => `/orders/${id}`;

const payingKey = (id: string) => `fanbase.paying.${id}`;

/**
 * The provider's page comes back to `/orders/:id` as it is: this tab remembers that it went to pay
 * the order, so the page says it waits for the confirmation (not "pay now") when the fan returns.
 */
export const payingMark = {
  set(id: string) {
    try {
      sessionStorage.setItem(payingKey(id), '1');
    } catch {
      // Storage off (a private window): the page still updates once the payment is confirmed.
    }
  },
  has(id: string): boolean {
    try {
      return sessionStorage.getItem(payingKey(id)) === '1';
    } catch {
      return false;
    }
  },
  clear(id: string) {
    try {
      sessionStorage.removeItem(payingKey(id));
    } catch {
      // Nothing was kept.
    }
  },
};

/**
 * Does what checkout or "Pay now" answered, as the membership page does: a redirect goes to the
 * provider's page (which comes back to the order), a QR code is shown on the order page, and in
 * WeChat its own payment sheet opens; then the order page waits for the verified payment.
 */
export function usePayAction() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return useCallback(
    (result: Checkout) => {
      const { action, order } = result;
      payingMark.set(order.id);
      if (action.kind === 'redirect') window.location.assign(payUrl(action.url, i18n.language));
      else if (action.kind === 'qr') void navigate(`${orderPath(order.id)}?paying=1`, { state: { qr: action.codeUrl } });
      else {
        const bridge = (window as { WeixinJSBridge?: WeixinBridge }).WeixinJSBridge;
        if (!bridge) {
          void message.error(t('orders.pay.openInWechat'));
          void navigate(orderPath(order.id));
          return;
        }
        bridge.invoke('getBrandWCPayRequest', action.params, () => void navigate(`${orderPath(order.id)}?paying=1`));
      }
    },
    [i18n.language, navigate, message, t],
  );
}
