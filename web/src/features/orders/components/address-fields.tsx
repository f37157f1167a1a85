import { Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/** The phone rule of the server's `addressBody` (orders.schemas.ts). */
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/**
 * The address of a checkout, field for field the server's `addressBody`: the same lengths and the
 * same phone rule, checked here first so a fan sees a problem before sending (the server checks
 * again, and its field errors land on these fields under `address.*`).
 */
export function AddressFields() {
  const { t } = useTranslation();
  const text = (max: number): Rule[] => [
    { required: true, whitespace: true, message: t('orders.address.required') },
    { max, message: t('orders.address.tooLong', { max }) },
  ];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['address', 'name']} label={t('orders.address.name')} rules={text(100)}>
            <Input autoComplete="shipping name" maxLength={100} data-testid="address-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['address', 'phone']}
            label={t('orders.address.phone')}
            rules={[
              { required: true, whitespace: true, message: t('orders.address.required') },
              { pattern: PHONE, message: t('orders.address.phoneInvalid') },
            ]}
          >
            <Input autoComplete="shipping tel" inputMode="tel" maxLength={21} data-testid="address-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['address', 'region']} label={t('orders.address.region')} extra={t('orders.address.regionHint')} rules={text(100)}>
        <Input autoComplete="shipping address-level1" maxLength={100} data-testid="address-region" />
      </Form.Item>
      <Form.Item name={['address', 'line']} label={t('orders.address.line')} rules={text(300)}>
        <Input.TextArea autoComplete="shipping street-address" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} data-testid="address-line" />
      </Form.Item>
      <Form.Item name={['address', 'postcode']} label={t('orders.address.postcode')} rules={[{ max: 20, message: t('orders.address.tooLong', { max: 20 }) }]}>
        <Input autoComplete="shipping postal-code" inputMode="numeric" maxLength={20} style={{ maxWidth: 200 }} data-testid="address-postcode" />
      </Form.Item>
    </>
  );
}
