import { DeleteOutlined, PlusOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleTiers } from '../../../lib/membership-tiers';
import { SIGNALS, TIER_RANK_SIGNAL, UNRECORDED_SIGNALS, type Signal } from '../types';
import { LevelTag } from './level-tag';
import type { RuleRow } from './rules-form-values';
import { OP_SYMBOLS, useRuleText } from './use-rule-text';

const MAX_THRESHOLD = 1_000_000;

/** One level's rules in the ladder editor: signal, ≥ or ≤, threshold; each signal once. */
export function LevelRulesFields({ level }: { level: number }) {
  const { t } = useTranslation();
  const { signalLabel } = useRuleText();
  const signalOptions = SIGNALS.map((signal) => ({
    value: signal,
    label: UNRECORDED_SIGNALS.includes(signal) ? t('loyalty.rules.notRecorded', { signal: signalLabel(signal) }) : signalLabel(signal),
  }));
  const rows = Form.useWatch<RuleRow[] | undefined>(['levels', String(level)], Form.useFormInstance());
  const tiers = useConsoleTiers();
  // A rule on the tier rank picks a tier (its rank is the threshold); "no tier" is rank 0.
  const tierOptions = [
    { value: 0, label: t('loyalty.noTier') },
    ...(tiers.data ?? []).map((tier) => ({
      value: tier.rank,
      label:
        tier.status === 'archived'
          ? t('loyalty.rules.tierOptionArchived', { name: tier.name, rank: tier.rank })
          : t('loyalty.rules.tierOption', { name: tier.name, rank: tier.rank }),
    })),
  ];

  return (
    <Card size="small" title={<LevelTag level={level} />} style={{ marginBottom: 12 }} data-testid={`rules-level-${level}`}>
      <Form.List
        name={['levels', String(level)]}
        rules={[
          {
            validator: async (_, rows: RuleRow[] | undefined) => {
              const signals = (rows ?? []).map((row) => row?.signal).filter(Boolean);
              if (new Set(signals).size !== signals.length) throw new Error(t('loyalty.rules.duplicate'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[field.name, 'signal']}
                  rules={[{ required: true, message: t('loyalty.rules.signalRequired') }]}
                  style={{ flex: '1 1 180px', minWidth: 0, margin: 0 }}
                >
                  <Select<Signal> options={signalOptions} aria-label={t('loyalty.rules.signal')} data-testid="rule-signal" />
                </Form.Item>
                <Form.Item name={[field.name, 'op']} style={{ width: 72, margin: 0 }}>
                  <Select
                    aria-label={t('loyalty.rules.op')}
                    options={[
                      { value: 'gte', label: OP_SYMBOLS.gte },
                      { value: 'lte', label: OP_SYMBOLS.lte },
                    ]}
                    data-testid="rule-op"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'threshold']}
                  rules={[{ required: true, message: t('loyalty.rules.thresholdRequired') }]}
                  style={{ width: 120, flex: '1 0 96px', maxWidth: 160, margin: 0 }}
                >
                  {rows?.[field.name]?.signal === TIER_RANK_SIGNAL && (tiers.data?.length ?? 0) > 0 ? (
                    <Select<number> options={tierOptions} popupMatchSelectWidth={false} aria-label={t('loyalty.rules.tier')} data-testid="rule-tier" />
                  ) : (
                    <InputNumber
                      min={0}
                      max={MAX_THRESHOLD}
                      precision={0}
                      style={{ width: '100%' }}
                      aria-label={t('loyalty.rules.threshold')}
                      data-testid="rule-threshold"
                    />
                  )}
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('loyalty.rules.remove')} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: 'gte', threshold: 1 })} data-testid={`add-rule-${level}`}>
              {t('loyalty.rules.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
