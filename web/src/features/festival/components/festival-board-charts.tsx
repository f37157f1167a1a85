import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/ui/echart';
import type { BoardSecond } from '../api/watch-festival-board';
import type { FestivalBoard } from '../types';

/** The answers a purchase attempt can get, in the order the chart lists them. */
export const BOARD_ANSWERS = ['won', 'sold_out', 'limit_reached', 'not_eligible', 'not_started', 'ended', 'busy', 'refused'] as const;
const ANSWER_COLORS: Record<(typeof BOARD_ANSWERS)[number], string> = {
  won: '#52c41a',
  sold_out: '#fa541c',
  limit_reached: '#faad14',
  not_eligible: '#722ed1',
  not_started: '#8c8c8c',
  ended: '#bfbfbf',
  busy: '#eb2f96',
  refused: '#cf1322',
};

const clock = (iso: string) => iso.slice(11, 19);

/** Attempts and orders per second over the last minutes, and the answers so far by kind. */
export function FestivalBoardCharts({ board, history }: { board: FestivalBoard; history: BoardSecond[] }) {
  const { t } = useTranslation();
  const perSecond = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('festival.board.attemptsPerSecond'), t('festival.board.ordersPerSecond')] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: history.map((s) => clock(s.at)), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('festival.board.attemptsPerSecond'), type: 'line', showSymbol: false, data: history.map((s) => s.attempts), itemStyle: { color: '#1677ff' } },
        { name: t('festival.board.ordersPerSecond'), type: 'line', showSymbol: false, data: history.map((s) => s.won), itemStyle: { color: '#52c41a' } },
      ],
    }),
    [history, t],
  );
  const answers = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: BOARD_ANSWERS.map((a) => t(`festival.board.answers.${a}`)) },
      series: [
        {
          name: t('festival.board.answersTitle'),
          type: 'bar',
          data: BOARD_ANSWERS.map((a) => ({ value: board.figures.totals.byAnswer[a], itemStyle: { color: ANSWER_COLORS[a] } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [board.figures.totals.byAnswer, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title={t('festival.board.perSecondTitle')}>
          <EChart option={perSecond} height={280} testId="board-per-second-chart" ariaLabel={t('festival.board.perSecondTitle')} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('festival.board.answersTitle')}>
          <EChart option={answers} height={280} testId="board-answers-chart" ariaLabel={t('festival.board.answersTitle')} />
        </Card>
      </Col>
    </Row>
  );
}
