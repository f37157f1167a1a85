import { Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencyDigits, currencySymbol } from '../../../lib/format-money';
import { ARTICLE_KINDS, type AdminArticle, type ArticleKind } from '../types';
import { ArticleCover } from './article-cover';
import { ArticleReadersField } from './article-readers-field';
import { useArticleKindLabel } from './article-tags';

const HTTP_URL = /^https?:\/\/\S+$/i;

interface ArticleSettingsFieldsProps {
  kind: ArticleKind | undefined;
  coverUrl: string | undefined;
  currency: string;
  /** The saved article's members tier, if any. */
  savedTier: AdminArticle['membersTier'] | undefined;
}

/** Who can read it, kind (with advertiser and fee for an ad) and cover image. */
export function ArticleSettingsFields({ kind, coverUrl, currency, savedTier }: ArticleSettingsFieldsProps) {
  const { t, i18n } = useTranslation();
  const kindLabel = useArticleKindLabel();
  const cover = coverUrl?.trim() ?? '';

  return (
    <>
      <ArticleReadersField saved={savedTier} />
      <Form.Item name="kind" label={t('articles.fields.kind')} extra={t('articles.fields.kindHelp')} required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={ARTICLE_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          data-testid="article-kind"
        />
      </Form.Item>
      {kind === 'sponsored' ? (
        <>
          <Form.Item
            name="advertiser"
            label={t('articles.fields.advertiser')}
            extra={t('articles.fields.advertiserHelp')}
            rules={[
              { required: true, whitespace: true, message: t('articles.validation.advertiserRequired') },
              { max: 120, message: t('validation.maxLength', { count: 120 }) },
            ]}
          >
            <Input maxLength={120} data-testid="article-advertiser" />
          </Form.Item>
          <Form.Item
            name="adFee"
            label={t('articles.fields.adFee', { currency })}
            extra={t('articles.fields.adFeeHelp')}
            rules={[{ required: true, message: t('articles.validation.adFeeRequired') }]}
          >
            <InputNumber<number>
              min={0}
              max={1_000_000_000}
              precision={currencyDigits(currency)}
              step={100}
              prefix={currencySymbol(currency, i18n.resolvedLanguage ?? 'en')}
              style={{ width: '100%' }}
              data-testid="article-ad-fee"
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="coverUrl"
        label={t('articles.fields.coverUrl')}
        extra={t('articles.fields.coverUrlHelp')}
        rules={[
          { pattern: HTTP_URL, message: t('articles.validation.coverUrl') },
          { max: 2000, message: t('validation.maxLength', { count: 2000 }) },
        ]}
      >
        <Input placeholder="https://" allowClear data-testid="article-cover" />
      </Form.Item>
      {HTTP_URL.test(cover) ? (
        <ArticleCover url={cover} alt={t('articles.fields.coverUrl')} style={{ width: '100%', height: 150 }} />
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('articles.fields.noCover')}
        </Typography.Text>
      )}
    </>
  );
}
