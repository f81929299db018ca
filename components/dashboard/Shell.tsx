import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';

export interface ShellTab {
  id: string;
  /** i18n key of the tab's title. */
  titleKey: string;
}

/** The dashboard's frame: one tab per part of the product, the active one's content below. */
export function Shell({ tabs, active, onSelect, children }: { tabs: ShellTab[]; active: string; onSelect(id: string): void; children: ReactNode }) {
  const t = useT();
  return (
    <div className="sd-shell">
      <nav className="sd-tabs" role="tablist" aria-label={t('dashboardTitle')}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            className={tab.id === active ? 'sd-tab-active' : 'sd-secondary'}
            onClick={() => onSelect(tab.id)}
          >
            {t(tab.titleKey)}
          </button>
        ))}
      </nav>
      <section role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
        {children}
      </section>
    </div>
  );
}
