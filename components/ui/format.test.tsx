import { formatCount, formatInternals, formatPercent } from './format';

describe('formatCount', () => {
  it('prints what Intl prints in the browser language, small whole numbers included', () => {
    const standard = new Intl.NumberFormat(undefined, { notation: 'standard', maximumFractionDigits: 1 });
    const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
    for (const n of [0, 1, 7, 42, 999, 1000, 1234, 9999, 2.25, -3]) expect(formatCount(n)).toBe(standard.format(n));
    for (const n of [10_000, 12_345, 1_500_000]) expect(formatCount(n)).toBe(compact.format(n));
    expect(formatCount(-0)).toBe(standard.format(-0));
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(12_345)).toBe('12.3K');
  });

  it('takes the plain-digits path only for languages whose small whole numbers Intl prints as plain digits', () => {
    const { plainSmallIntegers } = formatInternals;
    for (const language of ['en', 'en-US', 'en-GB', 'zh-TW', 'zh-HK', 'zh-Hant-TW', 'zh', 'ZH-tw']) {
      expect(plainSmallIntegers(language)).toBe(true);
      const intl = new Intl.NumberFormat(language, { notation: 'standard', maximumFractionDigits: 1 });
      for (let n = 0; n < 1000; n++) expect(String(n)).toBe(intl.format(n));
    }
    for (const language of ['ar-EG', 'fa', 'de', 'enx', 'zhuang', '', undefined]) expect(plainSmallIntegers(language)).toBe(false);
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percent in the browser language', () => {
    expect(formatPercent(0.256)).toBe(new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(0.256));
  });
});
