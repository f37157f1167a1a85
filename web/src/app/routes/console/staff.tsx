import { UserAddOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { InviteStaffModal } from '../../../features/staff/components/invite-staff-modal';
import { PendingInvitations } from '../../../features/staff/components/pending-invitations';
import { StaffTable } from '../../../features/staff/components/staff-table';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useConsoleStaff } from './console-layout';

/** Staff list; the owner also invites, revokes invitations and removes staff. */
export function StaffPage() {
  const { t } = useTranslation();
  const me = useConsoleStaff();
  const isOwner = me.role === 'owner';
  const [inviting, setInviting] = useState(false);
  useDocumentTitle(t('nav.staff'), 'Fanbase');

  return (
    <>
      <PageHeader
        title={t('nav.staff')}
        subtitle={t('staff.subtitle')}
        extra={
          isOwner ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="invite-staff">
              {t('staff.inviteButton')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        {isOwner ? null : <Alert type="info" showIcon title={t('staff.readOnly')} />}
        <Card>
          <StaffTable me={me} />
        </Card>
        {isOwner ? <PendingInvitations /> : null}
      </Flex>
      {isOwner ? <InviteStaffModal open={inviting} onClose={() => setInviting(false)} /> : null}
    </>
  );
}
