import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import en from '@/public/_locales/en/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';
import { I18nContext, translatorFrom } from '@/lib/i18n';

export const tEn = translatorFrom(en);
export const tZh = translatorFrom(zhTW);

/** Renders a component with the real English (or Traditional Chinese) strings. */
export function renderWithI18n(ui: ReactElement, lang: 'en' | 'zh_TW' = 'en') {
  return render(<I18nContext.Provider value={lang === 'en' ? tEn : tZh}>{ui}</I18nContext.Provider>);
}
