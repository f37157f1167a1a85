import { CrownFilled } from '../../../components/ui/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPER_FAN_LEVEL, isLoyaltyLevel, useLevelName, type LoyaltyLevel } from '../../../lib/loyalty-levels';

/** Tag colours per level, from antd's presets (their text is readable on their tint, unlike the chart colours). */
const LEVEL_TAG_COLORS: Record<LoyaltyLevel, string> = { 0: 'default', 1: 'blue', 2: 'geekblue', 3: 'purple', 4: 'gold' };

/** "L2 · Engaged" in the level's colour; a crown for super fans. */
export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  return (
    <Tag
      color={isLoyaltyLevel(level) ? LEVEL_TAG_COLORS[level] : undefined}
      icon={level === SUPER_FAN_LEVEL ? <CrownFilled /> : undefined}
      style={{ marginInlineEnd: 0 }}
      data-testid="level-tag"
    >
      {t('loyalty.levelTag', { level, name: levelName(level) })}
    </Tag>
  );
}
