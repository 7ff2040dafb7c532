import englishMessages from 'ra-language-english';
import { appEn } from './en';
import { appZhCN, raZhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };
const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree as Tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const leaves = (tree: object, prefix = ''): [string, string][] =>
  Object.entries(tree as Tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...new Set(s.match(/%\{\w+\}/g) ?? [])].sort();

describe('the console translations', () => {
  it('translate every react-admin message into Chinese, with the same placeholders', () => {
    const zh = new Map(leaves(raZhCN));
    const en = leaves(englishMessages);
    expect(en.length).toBeGreaterThan(150);
    expect(en.map(([k]) => k).filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.some(([e]) => e === k))).toEqual([]);
    for (const [key, text] of en) {
      const chinese = zh.get(key)!;
      expect({ key, placeholders: placeholders(chinese) }).toEqual({
        key,
        placeholders: placeholders(text.split('||||').pop()!),
      });
    }
  });

  it('leave no react-admin message in English', () => {
    for (const [key, text] of leaves(raZhCN))
      if (!/^\s*(%\{\w+\}\s*)*$/.test(text))
        expect({ key, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ key, chinese: true });
  });

  it('have the same console keys in Chinese and English', () => {
    expect(keys(appEn).sort()).toEqual(keys(appZhCN).sort());
  });

  it('name every role and department of the platform', () => {
    for (const role of [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ])
      expect(appZhCN.otr.roles).toHaveProperty([role]);
    expect(Object.keys(appZhCN.otr.departments)).toHaveLength(10);
  });
});
