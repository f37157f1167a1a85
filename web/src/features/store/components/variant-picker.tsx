import { Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShelfVariant } from '../types';

interface VariantPickerProps {
  variants: ShelfVariant[];
  value: ShelfVariant;
  onChange: (variant: ShelfVariant) => void;
}

/** The option names every variant has, in the first one's order (Colour, Size), when they all have the same. */
function sharedOptionNames(variants: ShelfVariant[]): string[] | null {
  const names = variants[0]?.options.map((o) => o.name) ?? [];
  if (names.length === 0) return null;
  const same = variants.every((v) => v.options.length === names.length && names.every((name, i) => v.options[i]?.name === name));
  return same ? names : null;
}

const valueOf = (variant: ShelfVariant, name: string) => variant.options.find((o) => o.name === name)?.value;

/**
 * Choosing a variant: one row of choices per option (Colour, then Size) when every variant has the
 * same options, else one choice per variant by name. A choice no variant offers with the others
 * chosen is disabled; one out of stock stays choosable (the page says so).
 */
export function VariantPicker({ variants, value, onChange }: VariantPickerProps) {
  const { t } = useTranslation();
  if (variants.length < 2) return null;
  const names = sharedOptionNames(variants);

  if (!names) {
    return (
      <Flex vertical gap={8}>
        <Typography.Text strong id="variant-picker-label">
          {t('storeSite.choose')}
        </Typography.Text>
        <Radio.Group
          value={value.id}
          onChange={(event) => onChange(variants.find((v) => v.id === event.target.value) ?? value)}
          optionType="button"
          aria-labelledby="variant-picker-label"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          options={variants.map((v) => ({ value: v.id, label: v.name, style: { borderRadius: 6 } }))}
          data-testid="variant-picker"
        />
      </Flex>
    );
  }

  /** The variant with `value` for option `name` and the current choice for the others (or the first with that value). */
  const pick = (name: string, choice: string) =>
    variants.find((v) => valueOf(v, name) === choice && names.every((n) => n === name || valueOf(v, n) === valueOf(value, n))) ??
    variants.find((v) => valueOf(v, name) === choice);

  return (
    <Flex vertical gap={14} data-testid="variant-picker">
      {names.map((name, i) => {
        const choices = [...new Set(variants.map((v) => valueOf(v, name)!))];
        const labelId = `variant-option-${i}`;
        // An option every variant shares (all Black) is said, not offered as a choice of one.
        if (choices.length === 1) {
          return (
            <Typography.Text key={name}>
              <Typography.Text strong>{name}</Typography.Text>
              <Typography.Text type="secondary"> · {choices[0]}</Typography.Text>
            </Typography.Text>
          );
        }
        return (
          <Flex vertical gap={8} key={name}>
            <Typography.Text strong id={labelId}>
              {name}
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {' '}
                · {valueOf(value, name)}
              </Typography.Text>
            </Typography.Text>
            <Radio.Group
              value={valueOf(value, name)}
              onChange={(event) => {
                const next = pick(name, event.target.value as string);
                if (next) onChange(next);
              }}
              optionType="button"
              aria-labelledby={labelId}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
              options={choices.map((choice) => ({
                value: choice,
                label: choice,
                // Only the first option narrows nothing: a later one's choices depend on the earlier ones.
                disabled: i > 0 && !variants.some((v) => valueOf(v, name) === choice && names.slice(0, i).every((n) => valueOf(v, n) === valueOf(value, n))),
                style: { borderRadius: 6 },
              }))}
              data-testid={`variant-option-${name}`}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
