import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CURRENCY } from '../../../lib/format-money';

/** The currency the figures are in: the default, the chosen one, and every currency with money in these months. */
export function CurrencySelect({ value, available, onChange }: { value: string; available: string[]; onChange: (currency: string) => void }) {
  const { t } = useTranslation();
  const options = [...new Set([DEFAULT_CURRENCY, value, ...available])].sort().map((c) => ({ value: c, label: c }));
  return <Select value={value} options={options} onChange={onChange} style={{ width: 96 }} aria-label={t('revenue.currency')} data-testid="revenue-currency" />;
}
