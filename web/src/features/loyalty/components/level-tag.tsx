import { CrownFilled } from '../../../components/ui/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLORS, SUPER_FAN_LEVEL, isLoyaltyLevel, useLevelName } from '../../../lib/loyalty-levels';

/** "L2 · Engaged" in the level's colour; a crown for super fans. */
export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  return (
    <Tag
      color={isLoyaltyLevel(level) ? LEVEL_COLORS[level] : undefined}
      icon={level === SUPER_FAN_LEVEL ? <CrownFilled /> : undefined}
      style={{ marginInlineEnd: 0 }}
      data-testid="level-tag"
    >
      {t('loyalty.levelTag', { level, name: levelName(level) })}
    </Tag>
  );
}
