import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MinusOutlined, PlusOutlined } from './icons';

/** The most any stepper goes to (the store's and the festival's limits are at most 99). */
const MAX_QUANTITY = 99;

interface QuantityStepperProps {
  value: number;
  onChange: (value: number) => void;
  max?: number;
  disabled?: boolean;
  size?: 'small' | 'middle' | 'large';
  testId?: string;
}

/** − [n] + from 1 to `max` (at most 99): big enough to hit with a thumb. */
export function QuantityStepper({ value, onChange, max = MAX_QUANTITY, disabled, size = 'middle', testId = 'quantity' }: QuantityStepperProps) {
  const { t } = useTranslation();
  const top = Math.max(1, Math.min(max, MAX_QUANTITY));
  const set = (next: number) => onChange(Math.max(1, Math.min(top, Math.round(next))));
  return (
    <Space.Compact size={size} data-testid={testId}>
      <Button
        icon={<MinusOutlined />}
        aria-label={t('orders.cart.less')}
        disabled={disabled || value <= 1}
        onClick={() => set(value - 1)}
        data-testid={`${testId}-less`}
      />
      <InputNumber
        min={1}
        max={top}
        precision={0}
        controls={false}
        value={value}
        disabled={disabled}
        onChange={(next) => {
          if (typeof next === 'number') set(next);
        }}
        aria-label={t('orders.cart.quantity')}
        style={{ width: 52 }}
        styles={{ input: { textAlign: 'center' } }}
        inputMode="numeric"
        data-testid={`${testId}-input`}
      />
      <Button
        icon={<PlusOutlined />}
        aria-label={t('orders.cart.more')}
        disabled={disabled || value >= top}
        onClick={() => set(value + 1)}
        data-testid={`${testId}-more`}
      />
    </Space.Compact>
  );
}
