import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../web/src/i18n/zh-CN.json' with { type: 'json' };

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every string of a locale file, with its key. */
function messages(node: unknown, key = ''): [string, string][] {
  if (typeof node === 'string') return [[key, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => messages(v, key ? `${key}.${k}` : k));
}

/**
 * The glossary's Chinese words: a channel is 频道 and a fan festival 粉丝节. 公众号 is WeChat's
 * product (a WeChat bridge may say it, nothing else does) and 米粉节 is Xiaomi's own festival.
 */
const FOREIGN_TERMS = ['公众号', '米粉节'];

describe('glossary: neutral Chinese terms', () => {
  it('has no brand-specific term in the Chinese UI', () => {
    const found = messages(zhCN).filter(([, text]) => FOREIGN_TERMS.some((term) => text.includes(term)));
    expect(found).toEqual([]);
    expect(zhCN.nav.festival).toBe('粉丝节');
    expect(zhCN.settings.channelSection).toBe('频道');
  });

  it('has none in the README and docs either', () => {
    const docs = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((f) => path.join('docs', f))];
    const found = docs.filter((file) => FOREIGN_TERMS.some((term) => readFileSync(path.join(ROOT, file), 'utf8').includes(term)));
    expect(found).toEqual([]);
  });
});
