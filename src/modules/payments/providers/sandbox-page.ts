/** The sandbox gateway's hosted pay page: plain HTML, as a gateway's own page would be. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  en: {
    title: 'Test payments',
    badge: 'Sandbox: no real money moves',
    pay: 'Pay',
    fail: 'Simulate a failure',
    cancel: 'Cancel',
    done: 'This payment is already {status}.',
    back: 'Back to the site',
  },
  zh: {
    title: '测试支付',
    badge: '沙箱：不产生真实扣款',
    pay: '支付',
    fail: '模拟支付失败',
    cancel: '取消',
    done: '该支付已是 {status} 状态。',
    back: '返回网站',
  },
};

export type SandboxPage = { paymentId: string; description: string; amount: string; status: string; returnUrl: string; lang: 'en' | 'zh' };

export function sandboxPageHtml(p: SandboxPage): string {
  const t = TEXT[p.lang];
  const action = (name: 'pay' | 'fail' | 'cancel', primary = false) =>
    `<form method="post" action="/sandbox/pay/${escape(p.paymentId)}/${name}"><button type="submit" class="${primary ? 'primary' : ''}" data-testid="sandbox-${name}">${escape(t[name])}</button></form>`;
  const body =
    p.status === 'pending'
      ? `${action('pay', true)}${action('fail')}${action('cancel')}`
      : `<p>${escape(t.done.replace('{status}', p.status))}</p><a href="${escape(p.returnUrl)}">${escape(t.back)}</a>`;
  return `<!doctype html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)}</title>
<style>
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#1f1f1f}
main{max-width:420px;margin:0 auto;padding:32px 20px}
.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
.badge{display:inline-block;background:#fff7e6;color:#ad4e00;border:1px solid #ffd591;border-radius:6px;padding:2px 8px;font-size:13px}
h1{font-size:20px;margin:12px 0 4px}.amount{font-size:32px;font-weight:600;margin:16px 0}
form{margin:0 0 12px}button{width:100%;padding:12px;font-size:16px;border-radius:8px;border:1px solid #d9d9d9;background:#fff;cursor:pointer}
button.primary{background:#1677ff;border-color:#1677ff;color:#fff}a{color:#1677ff}
</style></head>
<body><main><div class="card"><span class="badge" data-testid="sandbox-badge">${escape(t.badge)}</span>
<h1>${escape(t.title)}</h1><p>${escape(p.description)}</p><div class="amount" data-testid="sandbox-amount">${escape(p.amount)}</div>
${body}</div></main></body></html>`;
}
