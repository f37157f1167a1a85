import { GlobalOutlined } from './icons';
import { Grid, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, toLanguage } from '../../i18n';

const OPTIONS: Array<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];
/** On narrow screens the closed switch shows a short label; the list keeps the full names. */
const SHORT: Record<Language, string> = { 'zh-CN': '中', en: 'EN' };

/** 中文 / English switch, remembered in localStorage by the language detector. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const screens = Grid.useBreakpoint();
  const compact = !screens.sm;

  return (
    <Select<Language>
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={current}
      options={OPTIONS}
      labelRender={(option) => (compact ? (SHORT[option.value as Language] ?? option.label) : option.label)}
      onChange={(value) => void i18n.changeLanguage(value)}
      prefix={compact ? undefined : <GlobalOutlined />}
      variant="borderless"
      popupMatchSelectWidth={false}
      size={compact ? 'small' : 'middle'}
      style={{ minWidth: compact ? 40 : 112 }}
    />
  );
}
