import { Button, Col, DatePicker, Form, Input, Row, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutlined } from '../../../components/ui/icons';
import { useApiError } from '../../../lib/use-api-error';
import { zoneLabel } from '../../../lib/time-zones';
import { isoToZoned, zonedToIso } from '../../../lib/zoned-time';
import type { AdminFestival, FestivalInput } from '../types';

type Values = {
  name: string;
  slug: string;
  descriptionMarkdown: string;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  requiresReservation: boolean;
  reservationsCloseAt: Dayjs | null;
};

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** The festival's details; times are read and written in the brand's time zone, as the console's other dates are. */
export function FestivalForm(props: {
  festival: AdminFestival | undefined;
  timeZone: string;
  saving: boolean;
  onSave: (input: FestivalInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const { festival, timeZone } = props;
  const requiresReservation = Form.useWatch('requiresReservation', form);

  useEffect(() => {
    if (!festival) return;
    form.setFieldsValue({
      name: festival.name,
      slug: festival.slug,
      descriptionMarkdown: festival.descriptionMarkdown,
      startsAt: isoToZoned(festival.startsAt, timeZone),
      endsAt: isoToZoned(festival.endsAt, timeZone),
      requiresReservation: festival.requiresReservation,
      reservationsCloseAt: festival.reservationsCloseAt ? isoToZoned(festival.reservationsCloseAt, timeZone) : null,
    });
  }, [festival, timeZone, form]);

  const submit = async (v: Values) => {
    try {
      await props.onSave({
        name: v.name,
        slug: v.slug,
        descriptionMarkdown: v.descriptionMarkdown ?? '',
        startsAt: zonedToIso(v.startsAt!, timeZone),
        endsAt: zonedToIso(v.endsAt!, timeZone),
        requiresReservation: Boolean(v.requiresReservation),
        reservationsCloseAt: v.requiresReservation && v.reservationsCloseAt ? zonedToIso(v.reservationsCloseAt, timeZone) : null,
      });
    } catch (err) {
      showError(err, form);
    }
  };

  const required = { required: true, message: t('festival.required') };
  const picker = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } } as const;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ requiresReservation: false, descriptionMarkdown: '' }}
      onFinish={(v) => void submit(v)}
      data-testid="festival-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('festival.fields.name')} rules={[required]}>
            <Input
              maxLength={120}
              data-testid="festival-name"
              onChange={(e) => {
                if (!festival && !form.isFieldTouched('slug')) form.setFieldValue('slug', slugOf(e.target.value));
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="slug" label={t('festival.fields.slug')} rules={[required]} extra={t('festival.slugHint')}>
            <Input maxLength={80} prefix="/festivals/" data-testid="festival-slug" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="startsAt" label={t('festival.fields.startsAt')} rules={[required]} extra={t('festival.inZone', { zone: zoneLabel(timeZone) })}>
            <DatePicker {...picker} data-testid="festival-starts" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="endsAt" label={t('festival.fields.endsAt')} rules={[required]}>
            <DatePicker {...picker} data-testid="festival-ends" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="requiresReservation"
            label={t('festival.fields.requiresReservation')}
            valuePropName="checked"
            extra={t('festival.requiresReservationHint')}
          >
            <Switch data-testid="festival-requires-reservation" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {requiresReservation ? (
            <Form.Item name="reservationsCloseAt" label={t('festival.fields.reservationsCloseAt')} extra={t('festival.reservationsCloseHint')}>
              <DatePicker {...picker} data-testid="festival-reservations-close" />
            </Form.Item>
          ) : null}
        </Col>
        <Col span={24}>
          <Form.Item
            name="descriptionMarkdown"
            label={t('festival.fields.description')}
            extra={<Typography.Text type="secondary">{t('festival.markdownHint')}</Typography.Text>}
          >
            <Input.TextArea rows={4} maxLength={20_000} data-testid="festival-description" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={props.saving} data-testid="festival-save">
        {festival ? t('festival.save') : t('festival.create')}
      </Button>
    </Form>
  );
}
