import { CrownOutlined, UserOutlined } from '../../../components/ui/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../types';

export function RoleTag({ role }: { role: StaffRole }) {
  const { t } = useTranslation();
  return role === 'owner' ? (
    <Tag color="gold" icon={<CrownOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('staff.roles.owner')}
    </Tag>
  ) : (
    <Tag color="blue" icon={<UserOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('staff.roles.staff')}
    </Tag>
  );
}
