import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { FestivalBoard } from '../types';

/** The board's headline figures: participants, the last second's attempts and orders, units, GMV, p99. */
export function FestivalBoardCards({ board, currency }: { board: FestivalBoard; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const last = board.figures.seconds.at(-1);
  const sold = board.items.reduce((n, i) => n + i.sold, 0);
  const left = board.items.reduce((n, i) => n + i.remaining, 0);
  const cards = [
    { key: 'participants', value: number.format(board.figures.totals.participants) },
    { key: 'attempts', value: number.format(last?.attempts ?? 0) },
    { key: 'orders', value: number.format(last?.won ?? 0) },
    { key: 'units', value: t('festival.board.unitsValue', { sold: number.format(sold), left: number.format(left) }) },
    { key: 'gmv', value: money({ amountMinor: board.figures.totals.wonMinor, currency }) },
    { key: 'p99', value: board.figures.latency.samples ? t('festival.board.ms', { ms: board.figures.latency.p99 }) : '—' },
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card style={{ height: '100%' }}>
            <Statistic title={t(`festival.board.cards.${c.key}`)} value={c.value} data-testid={`board-card-${c.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
