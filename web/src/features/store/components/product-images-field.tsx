import { Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '../../../components/ui/icons';
import { MAX_IMAGES, type ProductFormValues } from './product-form-values';
import { ProductImage } from './product-image';

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

/** The product's pictures by address (http or https), in the order fans see them; the first is the card's. */
export function ProductImagesField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProductFormValues>();
  const images = (Form.useWatch('images', form) as ProductFormValues['images'] | undefined) ?? [];

  return (
    <Form.List name="images">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={12} data-testid="product-images">
          {fields.length === 0 ? <Typography.Text type="secondary">{t('store.images.empty')}</Typography.Text> : null}
          {fields.map((field, index) => (
            <Flex key={field.key} gap={10} align="flex-start" data-testid="product-image-row">
              <ProductImage url={HTTP_URL.test(images[index]?.url ?? '') ? images[index]?.url : null} alt="" style={{ width: 56, height: 56, flex: 'none' }} />
              <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Form.Item
                  name={[field.name, 'url']}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('store.images.urlRequired') },
                    { pattern: HTTP_URL, message: t('store.images.urlInvalid') },
                    { max: 2000, message: t('validation.maxLength', { count: 2000 }) },
                  ]}
                >
                  <Input placeholder="https://…" aria-label={t('store.images.url', { n: index + 1 })} data-testid="product-image-url" />
                </Form.Item>
                <Form.Item name={[field.name, 'alt']} style={{ marginBottom: 0 }} rules={[{ max: 200, message: t('validation.maxLength', { count: 200 }) }]}>
                  <Input size="small" maxLength={200} placeholder={t('store.images.alt')} aria-label={t('store.images.altLabel', { n: index + 1 })} />
                </Form.Item>
              </Flex>
              <Flex vertical gap={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={t('store.images.up')}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('store.images.down')}
                />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={t('store.images.remove')} />
              </Flex>
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_IMAGES}
            onClick={() => add({ url: '', alt: '' })}
            style={{ alignSelf: 'flex-start' }}
            data-testid="product-image-add"
          >
            {fields.length >= MAX_IMAGES ? t('store.images.full', { count: MAX_IMAGES }) : t('store.images.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
