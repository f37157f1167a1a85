import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminFestival, FestivalBoard } from '../types';

type Row = FestivalBoard['items'][number] & { sku: string; title: string };

/** Per item: units sold (durable orders), left (the gate) and the quota, with a progress bar. */
export function FestivalBoardItems({ board, festival }: { board: FestivalBoard; festival: AdminFestival }) {
  const { t } = useTranslation();
  const names = new Map(festival.items.map((i) => [i.id, i]));
  const rows: Row[] = board.items.map((i) => {
    const item = names.get(i.id);
    return { ...i, sku: item?.variant.sku ?? '', title: item ? `${item.variant.productTitle} — ${item.variant.name}` : '' };
  });
  return (
    <Card title={t('festival.board.itemsTitle')}>
      <Table<Row>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="middle"
        data-testid="board-items"
        columns={[
          { key: 'item', title: t('festival.board.item'), render: (_, r) => `${r.title} (${r.sku})` },
          { key: 'sold', title: t('festival.board.sold'), dataIndex: 'sold', align: 'right' },
          { key: 'left', title: t('festival.board.left'), dataIndex: 'remaining', align: 'right' },
          { key: 'quota', title: t('festival.board.quota'), dataIndex: 'quota', align: 'right' },
          {
            key: 'progress',
            title: t('festival.board.progress'),
            width: 220,
            render: (_, r) => <Progress percent={Math.round((r.sold / r.quota) * 100)} size="small" status={r.remaining === 0 ? 'success' : 'active'} />,
          },
        ]}
      />
    </Card>
  );
}
