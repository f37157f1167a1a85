/** One color per revenue source, the same in the chart, the cards and the table. */
export const SOURCE_COLORS = {
  adsMinor: '#fa8c16',
  membershipsMinor: '#1677ff',
  storeMinor: '#13c2c2',
  refundsMinor: '#f5222d',
} as const;
export const NET_COLOR = '#262626';

export const SOURCES = ['adsMinor', 'membershipsMinor', 'storeMinor', 'refundsMinor'] as const;
export type SourceKey = (typeof SOURCES)[number];
